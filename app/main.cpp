// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontext.h"
#include "bootstrap.h"
#include "commandlineoptions.h"
#include "demoworkspace.h"
#include "domain/clock.h"
#include "mainwindow.h"
#include "rotationengine.h"
#include "sandboxlauncher.h"
#include "scheduler.h"
#include "secrets/keychainsecretstore.h"
#include "store/workspacestore.h"
#include "traynotifier.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkInformation>
#include <QTextStream>

#include <cstdio>
#include <tokendesk/version.h>

using namespace Qt::StringLiterals;

namespace {

// Shown non-modally from the main event loop: production code runs no nested loops.
int showFatalError(const QString &message)
{
    QTextStream(stderr) << message << Qt::endl;
    auto *box = new QMessageBox(
        QMessageBox::Critical, QApplication::translate("main", "TokenDesk"), message, QMessageBox::Close);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, qApp, [] { QApplication::exit(3); });
    box->show();
    return QApplication::exec();
}

// Starts the sandbox and fills the demo workspace once it has announced its services.
void startSandbox(const QString &program, AppContext *context, MainWindow *window)
{
    auto *launcher = new SandboxLauncher(context);
    auto *demo = new DemoWorkspace(context, context);
    window->showStatus(QApplication::translate("main", "Starting the provider sandbox…"));
    QObject::connect(launcher, &SandboxLauncher::failed, window, [window](const QString &message) {
        window->showStatus(QApplication::translate("main", "Sandbox unavailable: %1").arg(message));
    });
    QObject::connect(
        launcher, &SandboxLauncher::ready, demo, [launcher, demo] { demo->populate(launcher->services()); });
    QObject::connect(demo, &DemoWorkspace::finished, window, [window](const QStringList &problems) {
        window->showStatus(problems.isEmpty()
                ? QApplication::translate(
                    "main", "Sandbox ready: demo accounts on this computer only; nothing reaches a real provider.")
                : QApplication::translate("main", "Sandbox ready with problems: %1").arg(problems.join(u"; "_s)));
    });
    launcher->start(program);
}

// Scheduler news for the status bar, and no rotation starts while the system says it is offline.
void connectScheduler(Scheduler *scheduler, MainWindow *window)
{
    QObject::connect(scheduler, &Scheduler::rotationStarted, window, [window](const Token &token) {
        window->showStatus(QApplication::translate("main", "Scheduled rotation of %1 started.").arg(token.name));
    });
    QObject::connect(scheduler, &Scheduler::overdue, window, [window](const Token &token, const QDateTime &due) {
        window->showStatus(QApplication::translate("main", "%1 is overdue for rotation (due %2).")
                               .arg(token.name, QLocale().toString(due.toLocalTime(), QLocale::ShortFormat)));
    });
    QObject::connect(
        scheduler, &Scheduler::rotationFailed, window, [window](const Rotation &rotation, const QString &name) {
            window->showStatus(
                QApplication::translate("main", "Scheduled rotation of %1 failed: %2").arg(name, rotation.error));
        });
    if (QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        QNetworkInformation *network = QNetworkInformation::instance();
        const auto apply = [scheduler](QNetworkInformation::Reachability reachability) {
            scheduler->setOnline(reachability != QNetworkInformation::Reachability::Disconnected);
        };
        apply(network->reachability());
        QObject::connect(network, &QNetworkInformation::reachabilityChanged, scheduler, apply);
    }
}

} // namespace

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
    QApplication::setDesktopFileName(u"io.tokendesk.TokenDesk"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Rotate and revoke API tokens."));
    const CommandLineOptions options(parser);
    const QCommandLineOption sandbox(u"sandbox"_s,
        QApplication::translate("main",
            "Start PROGRAM (tokendesk-sandbox: fake providers on this computer) and open a demo workspace with "
            "one account per provider. The demo workspace is separate from your own and rebuilt at each start."),
        u"PROGRAM"_s);
    parser.addOption(sandbox);
    parser.process(app);

    WorkspaceStore store;
    const bool demo = parser.isSet(sandbox);
    if (demo && options.isWorkspaceSet()) {
        QTextStream(stderr) << QApplication::translate(
            "main", "--sandbox uses its own workspace; leave out --workspace.")
                            << Qt::endl;
        return 2;
    }
    const bool opened
        = demo ? DemoWorkspace::openFresh(&store, DemoWorkspace::defaultPath()) : store.open(options.workspacePath());
    if (!opened)
        return showFatalError(store.errorString());

    KeychainSecretStore secrets;
    AppContext context(&store, &secrets, Clock::system());
    MainWindow window(&context);
    window.show();
    // Scheduled rotation while the window is open; the first pass also finishes or undoes any
    // rotation an earlier run left unfinished.
    Scheduler scheduler(&context, context.engine());
    connectScheduler(&scheduler, &window);
    auto *showWindow = new QAction(QApplication::translate("main", "&Show TokenDesk"), &window);
    QObject::connect(showWindow, &QAction::triggered, &window, [&window] {
        window.showNormal();
        window.raise();
        window.activateWindow();
    });
    TrayNotifier tray({showWindow, nullptr, window.quitAction()});
    tray.connectScheduler(&scheduler);
    window.setTrayNotifier(&tray);
    scheduler.start();
    if (demo)
        startSandbox(QDir::fromNativeSeparators(parser.value(sandbox)), &context, &window);
    return QApplication::exec();
}
