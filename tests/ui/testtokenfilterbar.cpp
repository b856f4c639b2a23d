// SPDX-License-Identifier: GPL-3.0-or-later
// The filter bar over a real token proxy and workspace, on a mock clock: each control applies its
// filter to the proxy at once ("due within" and "overdue" from the clock, "rotation failed" from
// the set the caller gives); clear() switches everything off with one filtersChanged(); the
// choices are saved to and restored from QSettings, and settings that no longer fit fall back
// to "all".
#include "bootstrap.h"
#include "deskworkspace.h"
#include "domain/tokenstate.h"
#include "item/tokensortfiltermodel.h"
#include "item/tokentablemodel.h"
#include "store/rotationstore.h"
#include "viewprobe.h"
#include "views/tokenfilterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0 = DeskWorkspace::start();

} // namespace

class TestTokenFilterBar final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DeskWorkspace> m_desk;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Bootstrap::installTranslations();
    }

    void init()
    {
        QSettings().clear();
        m_desk = std::make_unique<DeskWorkspace>();
        QVERIFY2(m_desk->setUp(), qPrintable(m_desk->store.errorString()));
    }

    void cleanup()
    {
        m_desk.reset();
        QSettings().clear();
    }

    void filterBarAppliesClearsAndRestores()
    {
        DeskWorkspace &desk = *m_desk;
        QVERIFY(desk.failRotation(desk.ingest));
        TokenTableModel source(&desk.store, desk.clock);
        source.reload();
        TokenSortFilterModel proxy;
        proxy.setSourceModel(&source);
        TokenFilterBar bar(&proxy, desk.clock);
        bar.show();
        QSignalSpy changed(&bar, &TokenFilterBar::filtersChanged);
        QVERIFY(!bar.isFiltering());
        auto *search = ViewProbe::part<QLineEdit>(bar, u"searchEdit"_s);
        auto *provider = ViewProbe::part<QComboBox>(bar, u"providerFilter"_s);
        auto *state = ViewProbe::part<QComboBox>(bar, u"stateFilter"_s);
        auto *due = ViewProbe::part<QComboBox>(bar, u"dueWithinFilter"_s);
        auto *failed = ViewProbe::part<QCheckBox>(bar, u"failedFilter"_s);
        for (QWidget *widget : std::initializer_list<QWidget *> {search, provider, state, due})
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));

        QTest::keyClicks(search, u"metrics"_s);
        QCOMPARE(proxy.searchText(), u"metrics"_s);
        QVERIFY(changed.count() > 0);
        QVERIFY(bar.isFiltering());
        provider->setCurrentIndex(provider->findText(u"Dynatrace"_s));
        QCOMPARE(proxy.providerFilter(), ProviderKind::Dynatrace);
        state->setCurrentIndex(state->findText(TokenStateInfo::label(TokenState::Active)));
        QCOMPARE(proxy.stateFilter(), TokenState::Active);
        due->setCurrentIndex(due->findData(30));
        QCOMPARE(proxy.dueBefore(), t0.addDays(30));
        QVERIFY(!proxy.hasTokenIdFilter());
        // The failed set comes from the caller; it applies only while the box is ticked.
        bar.setFailedTokens(RotationStore(&desk.store).tokensWithFailedRotation());
        QVERIFY(!proxy.hasTokenIdFilter());
        failed->setChecked(true);
        QVERIFY(proxy.hasTokenIdFilter());
        QCOMPARE(proxy.rowCount(), 1);
        bar.setFailedTokens({});
        QCOMPARE(proxy.rowCount(), 0);
        bar.setFailedTokens({desk.ingest.id});
        QCOMPARE(proxy.rowCount(), 1);

        // "Overdue" is "due before now", and follows the clock when apply() is called.
        due->setCurrentIndex(due->findText(u"Overdue"_s));
        QCOMPARE(proxy.dueBefore(), t0);
        QCOMPARE(proxy.rowCount(), 0);
        desk.clock.advanceDays(21); // ingest-metrics is a day late
        bar.apply();
        QCOMPARE(proxy.dueBefore(), t0.addDays(21));
        QCOMPARE(proxy.rowCount(), 1);
        due->setCurrentIndex(due->findData(30));

        bar.saveState();
        TokenSortFilterModel proxy2;
        proxy2.setSourceModel(&source);
        TokenFilterBar restored(&proxy2, desk.clock);
        restored.setFailedTokens({desk.ingest.id});
        restored.restoreState();
        QCOMPARE(ViewProbe::part<QLineEdit>(restored, u"searchEdit"_s)->text(), u"metrics"_s);
        QCOMPARE(ViewProbe::part<QComboBox>(restored, u"providerFilter"_s)->currentIndex(), provider->currentIndex());
        QCOMPARE(ViewProbe::part<QComboBox>(restored, u"stateFilter"_s)->currentIndex(), state->currentIndex());
        QCOMPARE(ViewProbe::part<QComboBox>(restored, u"dueWithinFilter"_s)->currentIndex(), due->currentIndex());
        QVERIFY(ViewProbe::part<QCheckBox>(restored, u"failedFilter"_s)->isChecked());
        // ...and applied to its proxy.
        QCOMPARE(proxy2.searchText(), u"metrics"_s);
        QCOMPARE(proxy2.providerFilter(), ProviderKind::Dynatrace);
        QCOMPARE(proxy2.stateFilter(), TokenState::Active);
        QCOMPARE(proxy2.dueBefore(), desk.clock.nowUtc().addDays(30));
        QVERIFY(proxy2.hasTokenIdFilter());
        QCOMPARE(proxy2.rowCount(), 1);

        changed.clear();
        bar.clear();
        QCOMPARE(changed.count(), 1);
        QVERIFY(!bar.isFiltering());
        QVERIFY(search->text().isEmpty());
        QCOMPARE(provider->currentIndex(), 0);
        QCOMPARE(state->currentIndex(), 0);
        QCOMPARE(due->currentIndex(), 0);
        QVERIFY(!failed->isChecked());
        QCOMPARE(proxy.searchText(), QString());
        QCOMPARE(proxy.providerFilter(), std::nullopt);
        QCOMPARE(proxy.stateFilter(), std::nullopt);
        QVERIFY(!proxy.dueBefore().isValid());
        QVERIFY(!proxy.hasTokenIdFilter());
        QCOMPARE(proxy.rowCount(), 3);

        // Settings from another version (an index past the end) fall back to "all".
        QSettings().setValue(u"filters/provider"_s, 99);
        QSettings().setValue(u"filters/dueWithin"_s, -3);
        TokenSortFilterModel proxy3;
        proxy3.setSourceModel(&source);
        TokenFilterBar fallback(&proxy3, desk.clock);
        fallback.restoreState();
        QCOMPARE(ViewProbe::part<QComboBox>(fallback, u"providerFilter"_s)->currentIndex(), 0);
        QCOMPARE(ViewProbe::part<QComboBox>(fallback, u"dueWithinFilter"_s)->currentIndex(), 0);
        QCOMPARE(proxy3.providerFilter(), std::nullopt);
    }
};

QTEST_MAIN(TestTokenFilterBar)
#include "testtokenfilterbar.moc"
