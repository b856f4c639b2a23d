// SPDX-License-Identifier: GPL-3.0-or-later
#include "deskworkspace.h"

#include "store/rotationstore.h"

using namespace Qt::StringLiterals;

DeskWorkspace::DeskWorkspace()
    : secrets(u"No keychain in this test"_s)
{ }

DeskWorkspace::~DeskWorkspace()
{
    context.reset(); // before the store and the secret store it borrows
}

bool DeskWorkspace::setUp()
{
    if (!store.open(dir.path()))
        return false;
    prod = addAccount(ProviderKind::Dynatrace, u"Prod DT"_s);
    glean = addAccount(ProviderKind::Glean, u"Glean search"_s);
    ingest = makeToken(prod.id, u"ingest-metrics"_s, 30);
    ingest.owner = u"metrics-team@example.com"_s;
    billing = makeToken(prod.id, u"billing-export"_s, 0);
    crawler = makeToken(glean.id, u"crawler"_s, 60);
    QList<Token> tokens {ingest, billing, crawler};
    if (prod.id == 0 || glean.id == 0 || !store.addTokens(tokens))
        return false;
    ingest = tokens.at(0);
    billing = tokens.at(1);
    crawler = tokens.at(2);
    restart();
    return true;
}

void DeskWorkspace::restart()
{
    context.reset();
    context = std::make_unique<AppContext>(&store, &secrets, clock);
}

Account DeskWorkspace::addAccount(ProviderKind kind, const QString &name)
{
    Account account;
    account.kind = kind;
    account.displayName = name;
    account.baseUrl = QUrl(u"https://provider.example"_s);
    account.credential = SecretRef::keychain(u"tokendesk/test/"_s + name);
    store.addAccount(account);
    return account;
}

Token DeskWorkspace::makeToken(qint64 accountId, const QString &name, int intervalDays) const
{
    Token token;
    token.accountId = accountId;
    token.providerId = name;
    token.name = name;
    token.createdAt = start().addDays(-10);
    if (intervalDays > 0)
        token.policy.interval = PolicyDuration(intervalDays, PolicyDuration::Unit::Days);
    return token;
}

bool DeskWorkspace::audit(const Token &token, const QString &action)
{
    AuditEvent event;
    event.at = clock.nowUtc();
    event.osUser = u"tester"_s;
    event.accountId = token.accountId;
    event.tokenId = token.id;
    event.tokenName = token.name;
    event.action = action;
    return store.appendAudit(event);
}

bool DeskWorkspace::failRotation(const Token &token)
{
    Rotation rotation;
    rotation.tokenId = token.id;
    rotation.accountId = token.accountId;
    rotation.status = Rotation::Status::Failed;
    rotation.startedAt = clock.nowUtc();
    rotation.updatedAt = clock.nowUtc();
    rotation.error = u"HTTP 500"_s;
    AuditEvent event;
    event.at = clock.nowUtc();
    event.osUser = u"tester"_s;
    event.tokenId = token.id;
    event.tokenName = token.name;
    event.action = u"rotate.start"_s;
    return RotationStore(&store).begin(rotation, event);
}
