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
    // The system locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) unless QLocale::setDefault() chose one.
    const QLocale locale;
    // Installed last = asked first, so the user's language wins over the English fallback.
    auto *english = new QTranslator(app);
    if (english->load(u":/i18n/tokendesk_en.qm"_s))
        QCoreApplication::installTranslator(english);
    // load() walks the locale's UI languages in order (LANGUAGE=fr:de:en), so the first one TokenDesk
    // is translated into wins; when that is English, the fallback above already says everything.
    auto *own = new QTranslator(app);
    if (!own->load(locale, u"tokendesk"_s, u"_"_s, u":/i18n"_s) || own->language().startsWith(u"en"_s)) {
        delete own;
        return;
    }
    // Qt's own strings (standard dialog buttons) in the same language, where Qt's translations are
    // installed; the application language decides, so an English TokenDesk never gets French buttons.
    auto *qtBase = new QTranslator(app);
    if (qtBase->load(QLocale(own->language()), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtBase);
    else
        delete qtBase;
    QCoreApplication::installTranslator(own);
}
