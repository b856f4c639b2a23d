// SPDX-License-Identifier: GPL-3.0-or-later
// The policy editor's preview on concrete dates: manual due dates (30-day and calendar-month
// intervals), the scheduler's start times for automatic tokens (margin and per-token jitter), an
// overdue token, grace and delete times per provider (Glean's fixed 10 minutes and its token
// lifetime, Pangea's missing delete, Piiano's instant cut-off) and the warnings for what a
// provider cannot honour. Capabilities come from the real providers, as the dialog gets them.
#include "bootstrap.h"
#include "domain/clock.h"
#include "policypreview.h"
#include "providerfactory.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using Unit = PolicyDuration::Unit;

namespace {

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0)
{
    return {QDate(year, month, day), QTime(hour, minute, second), QTimeZone::utc()};
}

PolicyPreview previewFor(ProviderKind kind)
{
    Account account;
    account.kind = kind;
    account.baseUrl = QUrl(u"https://provider.example.com/?collection=tokens&tag=ci"_s);
    const ProviderFactory factory(nullptr, Clock::system());
    return PolicyPreview(kind, factory.capabilities(account));
}

Token tokenCreated(const QDateTime &created, qint64 id = 42)
{
    Token token;
    token.id = id;
    token.name = u"ci-deployer"_s;
    token.createdAt = created;
    return token;
}

RotationPolicy policy(PolicyDuration interval, bool automatic)
{
    RotationPolicy p;
    p.interval = interval;
    p.automatic = automatic;
    return p;
}

QList<QDateTime> rotationTimes(const PolicyPreview::Result &result)
{
    QList<QDateTime> times;
    for (const PolicyPreview::Entry &entry : result.rotations)
        times << entry.rotateAt;
    return times;
}

} // namespace

class TestPolicyPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Bootstrap::installTranslations(); } // English plural forms

    void manualPolicyListsDueDates()
    {
        RotationPolicy p = policy({30, Unit::Days}, false);
        p.gracePeriod = {1, Unit::Days};
        p.deleteAfter = {14, Unit::Days};
        const auto result
            = previewFor(ProviderKind::Dynatrace).compute(p, tokenCreated(utc(2026, 1, 1, 12)), utc(2026, 1, 10, 9));
        QVERIFY(result.manualOnly);
        QCOMPARE(rotationTimes(result),
            (QList<QDateTime> {utc(2026, 1, 31, 12), utc(2026, 3, 2, 12), utc(2026, 4, 1, 12), utc(2026, 5, 1, 12),
                utc(2026, 5, 31, 12)}));
        QCOMPARE(result.rotations.at(0).due, utc(2026, 1, 31, 12));
        QCOMPARE(result.rotations.at(0).revokeAt, utc(2026, 2, 1, 12));
        QCOMPARE(result.rotations.at(0).deleteAt, utc(2026, 2, 15, 12));
        QCOMPARE(result.rotations.at(1).revokeAt, utc(2026, 3, 3, 12));
        QCOMPARE(result.rotations.at(1).deleteAt, utc(2026, 3, 17, 12));
        QVERIFY(!result.rotations.at(0).overdue);
        QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(u'\n')));
    }

    void calendarMonthsClampToShortMonths()
    {
        const auto result
            = previewFor(ProviderKind::Dynatrace)
                  .compute(policy({1, Unit::Months}, false), tokenCreated(utc(2026, 1, 31, 8)), utc(2026, 2, 1));
        // 31 January + 1 month = 28 February; the next rotation counts from there.
        QCOMPARE(rotationTimes(result),
            (QList<QDateTime> {utc(2026, 2, 28, 8), utc(2026, 3, 28, 8), utc(2026, 4, 28, 8), utc(2026, 5, 28, 8),
                utc(2026, 6, 28, 8)}));
    }

    void automaticPolicyStartsBeforeDueTime()
    {
        // Token 42's jitter is 62 s; a 30-day interval gives the full one-hour margin. Each
        // rotation starts 1 h 1 min 2 s before its due time, and the next counts from that start.
        const auto result
            = previewFor(ProviderKind::Dynatrace)
                  .compute(policy({30, Unit::Days}, true), tokenCreated(utc(2026, 1, 1, 12)), utc(2026, 1, 10, 9));
        QVERIFY(!result.manualOnly);
        QCOMPARE(rotationTimes(result),
            (QList<QDateTime> {utc(2026, 1, 31, 10, 58, 58), utc(2026, 3, 2, 9, 57, 56), utc(2026, 4, 1, 8, 56, 54),
                utc(2026, 5, 1, 7, 55, 52), utc(2026, 5, 31, 6, 54, 50)}));
        QCOMPARE(result.rotations.at(0).due, utc(2026, 1, 31, 12));
        // No grace and no delete-after in the policy: the engine's defaults, 1 hour and 7 days.
        QCOMPARE(result.rotations.at(0).revokeAt, utc(2026, 1, 31, 11, 58, 58));
        QCOMPARE(result.rotations.at(0).deleteAt, utc(2026, 2, 7, 11, 58, 58));
        QCOMPARE(result.rotations.at(4).deleteAt, utc(2026, 6, 7, 7, 54, 50));
    }

    void overdueTokenRotatesAtOnce()
    {
        const QDateTime now = utc(2026, 1, 10, 9);
        const auto result = previewFor(ProviderKind::Dynatrace)
                                .compute(policy({30, Unit::Days}, true), tokenCreated(utc(2025, 11, 1, 12)), now);
        QCOMPARE(result.rotations.size(), 5);
        QVERIFY(result.rotations.at(0).overdue);
        QCOMPARE(result.rotations.at(0).due, utc(2025, 12, 1, 12));
        QCOMPARE(result.rotations.at(0).rotateAt, now);
        QVERIFY(!result.rotations.at(1).overdue);
        QCOMPARE(result.rotations.at(1).rotateAt, utc(2026, 2, 9, 7, 58, 58));
    }

    void gleanFollowsItsFixedPeriodAndBuffer()
    {
        Token token = tokenCreated(utc(2026, 1, 10));
        token.expiresAt = utc(2026, 1, 17); // Glean's rotation period for this token: 7 days
        RotationPolicy p = policy({30, Unit::Days}, false);
        p.gracePeriod = {1, Unit::Hours};
        p.deleteAfter = {3, Unit::Days};
        const auto result = previewFor(ProviderKind::Glean).compute(p, token, utc(2026, 1, 10));
        // A day before each expiry, and each rotation gives the new secret another 7 days.
        QCOMPARE(rotationTimes(result),
            (QList<QDateTime> {
                utc(2026, 1, 16), utc(2026, 1, 22), utc(2026, 1, 28), utc(2026, 2, 3), utc(2026, 2, 9)}));
        QCOMPARE(result.rotations.at(0).revokeAt, utc(2026, 1, 16, 0, 10)); // Glean's 10-minute buffer
        QVERIFY(!result.rotations.at(0).deleteAt.isValid()); // Glean has no delete call
        QCOMPARE(result.warnings,
            (QStringList {u"This token expires 7 days after each rotation, before the interval (30 days) ends: "
                          u"TokenDesk rotates it a day before each expiry instead, every 6 days."_s,
                u"Glean fixes this token's rotation period (7 days) when the token is created in the Glean console; "
                u"TokenDesk cannot change it. A secret not rotated within it stops working, so schedule rotations "
                u"well inside it."_s,
                u"Glean ends an old secret 10 minutes after a rotation, whatever the grace period says."_s,
                u"TokenDesk never deletes Glean tokens: delete-after has no effect."_s}));
    }

    void gleanWithoutKnownPeriodStillWarns()
    {
        const auto result
            = previewFor(ProviderKind::Glean)
                  .compute(policy({7, Unit::Days}, true), tokenCreated(utc(2026, 1, 10)), utc(2026, 1, 10));
        QCOMPARE(result.warnings,
            QStringList {u"Glean fixes the rotation period when the token is created in the Glean console; TokenDesk "
                         u"cannot change it. A secret not rotated within that period stops working, so choose an "
                         u"interval well inside it."_s});
    }

    void oneDayLifetimeWouldRotateForever()
    {
        Token token = tokenCreated(utc(2026, 1, 10));
        token.expiresAt = utc(2026, 1, 11); // Glean's shortest period, 1440 minutes
        const auto result
            = previewFor(ProviderKind::Glean).compute(policy({7, Unit::Days}, true), token, utc(2026, 1, 10, 6));
        QCOMPARE(rotationTimes(result), QList<QDateTime> {utc(2026, 1, 10, 6)});
        QVERIFY(result.warnings.contains(
            u"After each rotation this token would be due again at once: it expires "
            u"within a day of being rotated, and TokenDesk rotates a day before an expiry."_s));
    }

    void pangeaStatesWhatItKeepsAndWhatNot()
    {
        RotationPolicy p = policy({1, Unit::Months}, true);
        p.deleteAfter = {3, Unit::Days};
        p.notifyBefore = {2, Unit::Days};
        const auto result
            = previewFor(ProviderKind::PangeaVault).compute(p, tokenCreated(utc(2026, 1, 1)), utc(2026, 1, 10));
        QCOMPARE(result.rotations.size(), 5);
        QVERIFY(!result.rotations.at(0).deleteAt.isValid()); // Pangea items are never deleted by TokenDesk
        QCOMPARE(result.rotations.at(0).rotateAt.secsTo(result.rotations.at(0).revokeAt), 3600); // default grace
        QCOMPARE(result.warnings,
            (QStringList {u"Pangea rotates this item on its own every 1 month (its rotation frequency), even while "
                          u"TokenDesk is not running."_s,
                u"No grace period is set: Pangea keeps the item's own grace period, and without one the old version "
                u"stops working at the rotation."_s,
                u"Pangea stores only the rotation frequency and the grace period: revoke-after and notify-before are "
                u"applied by TokenDesk alone."_s,
                u"TokenDesk never deletes Pangea Vault tokens: delete-after has no effect."_s}));

        RotationPolicy manual = policy({30, Unit::Days}, false);
        manual.gracePeriod = {2, Unit::Hours};
        const auto off
            = previewFor(ProviderKind::PangeaVault).compute(manual, tokenCreated(utc(2026, 1, 1)), utc(2026, 1, 10));
        QVERIFY(off.manualOnly);
        QCOMPARE(off.warnings,
            QStringList {u"Automatic rotation is off, so Pangea's own schedule for this item is switched off too "
                         u"(rotation frequency “never”)."_s});
        QCOMPARE(off.rotations.at(0).revokeAt, utc(2026, 1, 31, 2));
    }

    void piianoCutsOldIdsAtOnce()
    {
        RotationPolicy p = policy({90, Unit::Days}, false);
        p.gracePeriod = {1, Unit::Days};
        const auto result
            = previewFor(ProviderKind::PiianoVault).compute(p, tokenCreated(utc(2026, 1, 1)), utc(2026, 1, 10));
        QCOMPARE(result.rotations.at(0).rotateAt, utc(2026, 4, 1));
        QCOMPARE(result.rotations.at(0).revokeAt, utc(2026, 4, 1));
        QVERIFY(!result.rotations.at(0).deleteAt.isValid());
        QCOMPARE(result.warnings,
            QStringList {u"Piiano's old ids stop working at the rotation: the grace period has no effect, and every "
                         u"application must switch to the new ids at once."_s});
    }

    void policyProblemsAreWarnings()
    {
        RotationPolicy p = policy({30, Unit::Days}, true);
        p.gracePeriod = {30, Unit::Days};
        QCOMPARE(previewFor(ProviderKind::Dynatrace).warnings(p, tokenCreated(utc(2026, 1, 1))),
            QStringList {u"The grace period (30 days) is not shorter than the interval (30 days): old versions would "
                         u"pile up."_s});

        RotationPolicy shortRevoke = policy({30, Unit::Days}, true);
        shortRevoke.revokeAfter = {30, Unit::Minutes};
        QCOMPARE(previewFor(ProviderKind::Dynatrace).warnings(shortRevoke, tokenCreated(utc(2026, 1, 1))),
            QStringList {
                u"The old version stays valid for 1 hour after a rotation, longer than revoke-after (30 minutes)."_s});
    }

    void unschedulableTokensHaveNoRotations()
    {
        Token unknown = tokenCreated(QDateTime());
        const auto result
            = previewFor(ProviderKind::Dynatrace).compute(policy({30, Unit::Days}, true), unknown, utc(2026, 1, 10));
        QVERIFY(result.rotations.isEmpty());
        QCOMPARE(result.warnings,
            QStringList {u"TokenDesk does not know when this token was created or last rotated, so it cannot schedule "
                         u"it: rotate it once by hand to start the schedule."_s});

        Token revoked = tokenCreated(utc(2026, 1, 1));
        revoked.state = TokenState::Revoked;
        const auto none
            = previewFor(ProviderKind::Dynatrace).compute(policy({30, Unit::Days}, true), revoked, utc(2026, 1, 10));
        QVERIFY(none.rotations.isEmpty());
        QCOMPARE(none.warnings, QStringList {u"This token is revoked: nothing will be rotated."_s});
    }

    void lastRotationIsTheBase()
    {
        Token token = tokenCreated(utc(2025, 6, 1));
        token.lastRotatedAt = utc(2026, 1, 5, 15, 30);
        const auto result
            = previewFor(ProviderKind::Dynatrace).compute(policy({2, Unit::Weeks}, false), token, utc(2026, 1, 10));
        QCOMPARE(result.rotations.at(0).rotateAt, utc(2026, 1, 19, 15, 30));
        QCOMPARE(result.rotations.at(4).rotateAt, utc(2026, 3, 16, 15, 30));
    }
};

QTEST_GUILESS_MAIN(TestPolicyPreview)
#include "testpolicypreview.moc"
