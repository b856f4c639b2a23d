// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectionCheck ("Test connection"): against the fake Dynatrace on a real socket it names the
// credential and its scopes on success, and gives the provider's status and message on failure.
#include "connectioncheck.h"
#include "fakedynatrace.h"
#include "http/httpclient.h"
#include "mockclock.h"
#include "providerfactory.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;

class TestConnectionCheck : public QObject
{
    Q_OBJECT

private:
    struct Answer
    {
        bool called = false;
        bool ok = false;
        QString message;
    };

    MockClock m_clock;
    QNetworkAccessManager m_network;
    HttpClient m_http {&m_network};
    ProviderFactory m_providers {&m_http, m_clock};
    FakeDynatrace m_fake {m_clock};
    SecretBytes m_manager;

    Answer check(ProviderKind kind, const SecretBytes &credential)
    {
        Account account;
        account.kind = kind;
        account.baseUrl = m_fake.baseUrl();
        Answer answer;
        ConnectionCheck::run(m_providers, account, credential, this, [&answer](bool ok, const QString &message) {
            answer = {true, ok, message};
        });
        // Asynchronous even when it can answer at once: nothing is reported before the event loop.
        if (answer.called)
            return {true, false, u"answered synchronously"_s};
        if (!QTest::qWaitFor([&answer] { return answer.called; }, 20000))
            return {false, false, u"no answer"_s};
        return answer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fake.listen());
        DynatraceTokenSeed manager;
        manager.name = u"tokendesk-manager"_s;
        manager.scopes = {u"apiTokens.read"_s, u"apiTokens.write"_s};
        m_manager = m_fake.addToken(manager);
    }

    void successNamesTheCredentialAndItsScopes()
    {
        const Answer answer = check(ProviderKind::Dynatrace, m_manager);
        QVERIFY2(answer.ok, qPrintable(answer.message));
        QVERIFY2(answer.message.startsWith(u"Connected to Dynatrace at 127.0.0.1 in "_s), qPrintable(answer.message));
        QVERIFY2(answer.message.contains(u"“tokendesk-manager”"_s), qPrintable(answer.message));
        QVERIFY2(answer.message.contains(u"Scopes: apiTokens.read, apiTokens.write."_s), qPrintable(answer.message));
    }

    void aWrongCredentialGivesTheProvidersAnswer()
    {
        const Answer answer = check(ProviderKind::Dynatrace, SecretBytes("dt0c01.WRONG.WRONGWRONGWRONG"_ba));
        QVERIFY(answer.called);
        QVERIFY(!answer.ok);
        QVERIFY2(answer.message.contains(u"HTTP 401"_s), qPrintable(answer.message));
    }

    void aSinkAccountCannotBeTested()
    {
        const Answer answer = check(ProviderKind::VaultKv, m_manager);
        QVERIFY(answer.called);
        QVERIFY(!answer.ok);
        QCOMPARE(answer.message, u"TokenDesk cannot test HashiCorp Vault KV accounts."_s);
    }

    void noAnswerAfterTheContextIsGone()
    {
        Account account;
        account.kind = ProviderKind::Dynatrace;
        account.baseUrl = m_fake.baseUrl();
        bool called = false;
        auto *context = new QObject;
        ConnectionCheck::run(
            m_providers, account, m_manager, context, [&called](bool, const QString &) { called = true; });
        delete context;
        // A second check on the same host queue answers after the first one has finished.
        QVERIFY(check(ProviderKind::Dynatrace, m_manager).ok);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestConnectionCheck)
#include "testconnectioncheck.moc"
