// SPDX-License-Identifier: GPL-3.0-or-later
// TlsConfig: TLS 1.2 floor, verification always on, and a custom CA added to the system's.
#include "http/tlsconfig.h"
#include "selfsignedcert.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTlsConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void defaults();
    void customCaIsAdded_data();
    void customCaIsAdded();
    void badCaFiles_data();
    void badCaFiles();
};

void TestTlsConfig::defaults()
{
    const TlsConfig::Result result = TlsConfig::build();
    QVERIFY(result.ok());
    QCOMPARE(result.configuration.protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(result.configuration.peerVerifyMode(), QSslSocket::VerifyPeer);
}

void TestTlsConfig::customCaIsAdded_data()
{
    QTest::addColumn<bool>("der");
    QTest::newRow("PEM") << false;
    QTest::newRow("DER") << true;
}

void TestTlsConfig::customCaIsAdded()
{
    QFETCH(bool, der);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SelfSignedCert certificate;
    if (!certificate.create(dir.path()))
        QSKIP(qPrintable(certificate.error()));
    QString path = certificate.certificatePath();
    if (der) {
        path = dir.filePath(u"ca.der"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(certificate.certificate().toDer());
    }

    const TlsConfig::Result result = TlsConfig::build(path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const QList<QSslCertificate> trusted = result.configuration.caCertificates();
    QVERIFY(trusted.contains(certificate.certificate()));
    // Added to the system store, which Debian's ca-certificates fills.
    QCOMPARE(trusted.size(), QSslConfiguration::systemCaCertificates().size() + 1);
    QCOMPARE(result.configuration.protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(result.configuration.peerVerifyMode(), QSslSocket::VerifyPeer);
}

void TestTlsConfig::badCaFiles_data()
{
    QTest::addColumn<QByteArray>("contents"); // empty: no file at all
    QTest::newRow("missing") << QByteArray();
    QTest::newRow("garbage") << "this is not a certificate"_ba;
    QTest::newRow("a key, not a certificate") << "-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n"_ba;
}

void TestTlsConfig::badCaFiles()
{
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"ca.pem"_s);
    if (!contents.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
    }
    const TlsConfig::Result result = TlsConfig::build(path);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(path), qPrintable(result.error));
}

QTEST_GUILESS_MAIN(TestTlsConfig)
#include "testtlsconfig.moc"
