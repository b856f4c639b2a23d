// SPDX-License-Identifier: GPL-3.0-or-later
#include "bootstrap.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

#include <tokendesk/version.h>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

void Bootstrap::setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral(TOKENDESK_ORGANIZATION_NAME));
    QCoreApplication::setOrganizationDomain(QStringLiteral(TOKENDESK_ORGANIZATION_DOMAIN));
    QCoreApplication::setApplicationName(QStringLiteral(TOKENDESK_APPLICATION_NAME));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
}

void Bootstrap::hardenProcess()
{
#if defined(Q_OS_UNIX)
    // A core file would hold every secret in memory at the time of the crash.
    const rlimit noCore {0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
#endif
#if defined(Q_OS_LINUX) && defined(QT_NO_DEBUG)
    // Also keeps other processes of the same user from attaching a debugger (ptrace).
    prctl(PR_SET_DUMPABLE, 0);
#endif
    QLoggingCategory::setFilterRules(u"tokendesk.*.debug=false"_s);
}

void Bootstrap::installTranslations()
{
    auto *app = QCoreApplication::instance();
    const QLocale locale;
    // Installed last = asked first, so the user's language wins over the English fallback.
    auto *english = new QTranslator(app);
    if (english->load(u":/i18n/tokendesk_en.qm"_s))
        QCoreApplication::installTranslator(english);
    auto *qtBase = new QTranslator(app);
    if (qtBase->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtBase);
    auto *own = new QTranslator(app);
    if (locale.language() != QLocale::English && own->load(locale, u"tokendesk"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(own);
}
