// SPDX-License-Identifier: GPL-3.0-or-later
// tokendesk-screenshots OUTDIR: the README's screenshots, taken from real windows (run it under
// Xvfb through tests/screenshots/take-screenshots.sh). It sets up the providers' fakes and a
// workspace as the tests do, adds a few more tokens so the table looks like a real account,
// rotates one, then captures the main window, the policy editor and an emergency revocation
// report with one failure, each with the X server's own window capture.
#include "appcontext.h"
#include "bootstrap.h"
#include "dialogs/policyeditordialog.h"
#include "dialogs/revocationreportdialog.h"
#include "item/tokentablemodel.h"
#include "mainwindow.h"
#include "rotationengine.h"
#include "rotationworld.h"
#include "workspacesync.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextStream>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

bool save(QWidget *window, const QString &path)
{
    window->raise();
    window->activateWindow();
    QTest::qWait(400); // let the window manager-less X server map and paint it
    const QPixmap shot = window->screen()->grabWindow(window->winId());
    const bool ok = !shot.isNull() && shot.save(path);
    QTextStream(stdout) << (ok ? "wrote " : "FAILED ") << path << " " << shot.width() << "x" << shot.height()
                        << Qt::endl;
    return ok;
}

void addSampleTokens(RotationWorld &world)
{
    const QStringList names {u"billing-exporter"_s, u"k8s-operator"_s, u"log-forwarder"_s, u"synthetic-monitor"_s,
        u"ci-pipeline"_s, u"status-page"_s};
    for (const QString &name : names) {
        DynatraceTokenSeed seed;
        seed.name = name;
        seed.scopes = {u"metrics.ingest"_s, u"logs.ingest"_s};
        world.dynatrace.addToken(seed);
    }
    QSignalSpy refreshed(world.context->sync(), &WorkspaceSync::refreshFinished);
    world.context->sync()->refresh(world.dynatraceAccount.id);
    refreshed.wait(30000);
    // Policies that give the table every due state: fine, due soon, overdue, manual.
    const QDateTime now = world.clock.nowUtc();
    int i = 0;
    for (Token token : world.store.tokens()) {
        if (token.name == u"tokendesk-manager"_s)
            continue;
        token.policy.interval = PolicyDuration(30, PolicyDuration::Unit::Days);
        token.policy.gracePeriod = PolicyDuration(1, PolicyDuration::Unit::Hours);
        token.policy.automatic = i % 3 != 2;
        token.lastRotatedAt = now.addDays(-(i * 7) % 40);
        token.owner = i % 2 ? u"platform-team"_s : u"sre"_s;
        token.consumerNotes = token.name == u"otel-collector"_s
            ? u"OpenTelemetry collector in prod-eu (Helm value otel.dynatrace.token). Tell #sre before rotating."_s
            : QString();
        world.store.updateToken(token);
        ++i;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Bootstrap::setApplicationIdentity();
    Bootstrap::installTranslations();
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : u"."_s;
    QDir().mkpath(out);

    RotationWorld world(QDateTime::currentDateTimeUtc());
    QString error;
    if (!world.setUp(&error)) {
        QTextStream(stderr) << error << Qt::endl;
        return 1;
    }
    addSampleTokens(world);

    MainWindow window(world.context.get());
    window.resize(1440, 860);
    window.show();
    // One rotation, so the details show two versions and the history has its steps.
    QSignalSpy idle(world.context->engine(), &RotationEngine::idle);
    world.context->engine()->rotate(world.token(u"otel-collector"_s)->id);
    idle.wait(30000);
    QSignalSpy refreshed(world.context->sync(), &WorkspaceSync::refreshFinished);
    window.refreshAll(); // the account list shows each account's health
    for (int i = 0; i < 100 && refreshed.count() < 2; ++i)
        QTest::qWait(100);
    window.selectToken(world.token(u"otel-collector"_s)->id);
    window.showStatus(QApplication::translate("screenshots", "otel-collector: version 2 is current."));
    bool ok = save(&window, out + u"/main-window.png"_s);

    auto *policy = new PolicyEditorDialog(world.context.get(), {world.token(u"otel-collector"_s)->id}, &window);
    policy->open();
    if (auto *grace = policy->findChild<QLineEdit *>(u"graceEdit"_s)) {
        grace->selectAll();
        QTest::keyClicks(grace, u"2 hours"_s);
    }
    ok = save(policy, out + u"/policy-editor.png"_s) && ok;
    policy->reject();

    // Emergency revocation of the whole workspace while Pangea is down.
    FaultPlan down;
    down.serverErrorCount = 1000;
    down.serverErrorStatus = 502;
    world.pangea.setFaultPlan({}, down);
    window.findChild<QAction *>(u"emergencyRevokeAllAction"_s)->trigger();
    if (auto *confirmation = window.findChild<QMessageBox *>(u"revocationConfirmation"_s))
        confirmation->findChild<QPushButton *>(u"confirmRevokeButton"_s)->click();
    RevocationReportDialog *report = nullptr;
    for (int i = 0; i < 300 && !(report = window.findChild<RevocationReportDialog *>(u"revocationReport"_s)); ++i)
        QTest::qWait(100);
    if (report) {
        const auto *retry = report->findChild<QPushButton *>(u"retryFailedButton"_s);
        for (int i = 0; i < 300 && !retry->isEnabled(); ++i)
            QTest::qWait(100);
        report->resize(980, 460);
        ok = save(report, out + u"/emergency-revocation.png"_s) && ok;
    } else {
        ok = false;
    }
    return ok ? 0 : 1;
}
