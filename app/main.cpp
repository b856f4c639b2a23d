// SPDX-License-Identifier: GPL-3.0-or-later
#include "bootstrap.h"
#include "commandlineoptions.h"
#include "mainwindow.h"
#include "secrets/keychainsecretstore.h"
#include "store/workspacestore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTextStream>

#include <cstdio>
#include <tokendesk/version.h>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    Bootstrap::hardenProcess();
    // --version and --help must work without a display (packaging checks, CI smoke tests).
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--version" || argument == "-v") {
            std::fputs("tokendesk " TOKENDESK_VERSION "\n", stdout);
            return 0;
        }
    }

    QApplication app(argc, argv);
    Bootstrap::setApplicationIdentity();
    Bootstrap::installTranslations();
    QApplication::setWindowIcon(QIcon(u":/icons/tokendesk.svg"_s));
    QApplication::setDesktopFileName(u"tokendesk"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Rotate and revoke API tokens."));
    const CommandLineOptions options(parser);
    parser.process(app);

    WorkspaceStore store;
    if (!store.open(options.workspacePath())) {
        // Shown non-modally from the main event loop: production code runs no nested loops.
        QTextStream(stderr) << store.errorString() << Qt::endl;
        auto *box = new QMessageBox(QMessageBox::Critical, QApplication::translate("main", "TokenDesk"),
            store.errorString(), QMessageBox::Close);
        box->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(box, &QMessageBox::finished, &app, [] { QApplication::exit(3); });
        box->show();
        return QApplication::exec();
    }

    KeychainSecretStore secrets;
    MainWindow window(&store, &secrets);
    window.show();
    return QApplication::exec();
}
