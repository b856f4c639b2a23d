// SPDX-License-Identifier: GPL-3.0-or-later
// SecretKey's keychain keys: the documented layout, and no collision between accounts, versions,
// providers or workspaces, even for ids beyond 32 bits.
#include "secrets/secretkey.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString Workspace = u"0b9e3f52-5c1e-4f0a-9d1e-2f1c7a9b6d10"_s;
const QString OtherWorkspace = u"7d4c2a10-8e3b-4b6f-a1c2-3e5d7f9a0b12"_s;

} // namespace

class TestSecretKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layout_data()
    {
        QTest::addColumn<ProviderKind>("kind");
        QTest::addColumn<QString>("provider");
        QTest::newRow("pangea") << ProviderKind::PangeaVault << u"pangea"_s;
        QTest::newRow("glean") << ProviderKind::Glean << u"glean"_s;
        QTest::newRow("dynatrace") << ProviderKind::Dynatrace << u"dynatrace"_s;
        QTest::newRow("piiano") << ProviderKind::PiianoVault << u"piiano"_s;
        QTest::newRow("vaultkv") << ProviderKind::VaultKv << u"vaultkv"_s;
    }

    void layout()
    {
        QFETCH(ProviderKind, kind);
        QFETCH(QString, provider);
        const QString prefix = u"tokendesk/"_s + Workspace + u'/' + provider;
        QCOMPARE(SecretKey::forAccountCredential(Workspace, kind, 7), prefix + u"/7/credential"_s);
        QCOMPARE(SecretKey::forTokenVersion(Workspace, kind, 7, 12, 3), prefix + u"/7/12/3"_s);
        QCOMPARE(SecretKey::serviceName(), u"TokenDesk"_s);
    }

    void keysDoNotCollide()
    {
        const auto glean = ProviderKind::Glean;
        const QStringList keys {
            SecretKey::forAccountCredential(Workspace, glean, 1), SecretKey::forAccountCredential(Workspace, glean, 2),
            SecretKey::forAccountCredential(Workspace, ProviderKind::Dynatrace, 1),
            // Two workspaces both have an account 1: their credentials must not overwrite each other.
            SecretKey::forAccountCredential(OtherWorkspace, glean, 1),
            SecretKey::forTokenVersion(Workspace, glean, 1, 1, 1),
            SecretKey::forTokenVersion(OtherWorkspace, glean, 1, 1, 1),
            SecretKey::forTokenVersion(Workspace, glean, 1, 1, 2),
            SecretKey::forTokenVersion(Workspace, glean, 1, 2, 1),
            SecretKey::forTokenVersion(Workspace, glean, 2, 1, 1),
            SecretKey::forTokenVersion(Workspace, glean, 1, 11, 1),
            SecretKey::forTokenVersion(Workspace, glean, 11, 1, 1),
            SecretKey::forTokenVersion(Workspace, glean, 5'000'000'000LL, 1, 1),
            SecretKey::forTokenVersion(Workspace, glean, 705'032'704LL, 1, 1), // 5e9 truncated to 32 bits
        };
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), keys.size());
        QCOMPARE(SecretKey::forTokenVersion(Workspace, glean, 5'000'000'000LL, 9'000'000'000LL, 1),
            u"tokendesk/"_s + Workspace + u"/glean/5000000000/9000000000/1"_s);
    }
};

QTEST_GUILESS_MAIN(TestSecretKey)
#include "testsecretkey.moc"
