// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/secretjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSecretJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rendersTheSecretInPlace();
    void escapesEveryControlCharacter();
    void placeholderMustAppearOnce();
    void utf8_data();
    void utf8();
};

void TestSecretJson::rendersTheSecretInPlace()
{
    const QJsonObject skeleton {{"outer"_L1, QJsonObject {{"value"_L1, SecretJson::placeholder()}}}, {"n"_L1, 3}};
    QCOMPARE(SecretJson::render(skeleton, SecretBytes("s3cr3t"_ba)).exposeBytes(),
        R"({"n":3,"outer":{"value":"s3cr3t"}})"_ba);
    QCOMPARE(SecretJson::render({{"v"_L1, SecretJson::placeholder()}}, SecretBytes()).exposeBytes(), R"({"v":""})"_ba);
}

void TestSecretJson::escapesEveryControlCharacter()
{
    QByteArray all;
    for (int c = 0; c < 0x80; ++c)
        all.append(static_cast<char>(c));
    const SecretBytes secret(all);
    const SecretBytes body = SecretJson::render({{"v"_L1, SecretJson::placeholder()}}, secret);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body.exposeBytes(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.object().value("v"_L1).toString().toUtf8(), all);
    // The writer's escapes for the short forms, as Qt's own writer would produce them.
    QVERIFY(body.exposeBytes().contains(R"(\u0000\u0001)"));
    QVERIFY(body.exposeBytes().contains(R"(\b\t\n\u000b\f\r)"));
}

void TestSecretJson::placeholderMustAppearOnce()
{
    const SecretBytes secret("x"_ba);
    QVERIFY(SecretJson::render({{"v"_L1, u"no placeholder"_s}}, secret).isEmpty());
    QVERIFY(SecretJson::render({{"a"_L1, SecretJson::placeholder()}, {"b"_L1, SecretJson::placeholder()}}, secret)
                .isEmpty());
    // A key that happens to equal the placeholder counts too.
    QVERIFY(SecretJson::render({{SecretJson::placeholder(), SecretJson::placeholder()}}, secret).isEmpty());
}

void TestSecretJson::utf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ascii") << "token-123"_ba << true;
    QTest::newRow("two bytes") << "\xc3\xa9"_ba << true;
    QTest::newRow("three bytes") << "\xe2\x82\xac"_ba << true;
    QTest::newRow("four bytes") << "\xf0\x9f\x94\x91"_ba << true;
    QTest::newRow("last code point") << "\xf4\x8f\xbf\xbf"_ba << true;
    QTest::newRow("lone continuation") << "\x80"_ba << false;
    QTest::newRow("overlong slash") << "\xc0\xaf"_ba << false;
    QTest::newRow("overlong three") << "\xe0\x80\xaf"_ba << false;
    QTest::newRow("surrogate") << "\xed\xa0\x80"_ba << false;
    QTest::newRow("past unicode") << "\xf4\x90\x80\x80"_ba << false;
    QTest::newRow("truncated") << "ab\xe2\x82"_ba << false;
    QTest::newRow("bad continuation") << "\xc3\x28"_ba << false;
    QTest::newRow("five byte lead") << "\xf8\x88\x80\x80\x80"_ba << false;
}

void TestSecretJson::utf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(SecretJson::isValidUtf8(bytes), valid);
    QCOMPARE(SecretJson::render({{"v"_L1, SecretJson::placeholder()}}, SecretBytes(bytes)).isEmpty(), !valid);
}

QTEST_GUILESS_MAIN(TestSecretJson)
#include "testsecretjson.moc"
