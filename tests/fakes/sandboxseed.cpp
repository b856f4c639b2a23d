// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxseed.h"

#include "fakedynatrace.h"
#include "fakeglean.h"
#include "fakepangea.h"
#include "fakepiiano.h"
#include "fakevaultkv.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

// Fixed, obviously fake admin credentials, so a sandbox configuration survives restarts.
const QString PangeaAdmin = u"pts_sandboxadmin00000000000000000000"_s;
const QString PiianoAdmin = u"pvaultauth"_s; // the default admin key Piiano Vault ships with
const QString VaultRoot = u"hvs.SandboxRootToken00000000"_s;
const QString VaultApp = u"hvs.SandboxTokenDeskApp00000"_s;

} // namespace

QJsonObject SandboxSeed::pangea(FakePangea &fake)
{
    fake.addAdminToken(SecretBytes::fromUtf8(PangeaAdmin));
    struct Item
    {
        const char16_t *name;
        const char16_t *folder;
        int versions;
        const char16_t *frequency;
        const char16_t *state;
        const char16_t *grace;
    };
    const Item items[] {
        {u"ci-deployer", u"/ci", 3, u"30d", u"deactivated", u"2h"},
        {u"billing-export", u"/billing", 2, u"90d", u"destroyed", u"1d"},
        {u"audit-reader", u"/security", 1, u"never", u"destroyed", u""},
        {u"metrics-push", u"/observability", 4, u"7d", u"deactivated", u"10mins"},
        {u"support-bot", u"/support", 1, u"", u"destroyed", u""},
    };
    QJsonObject tokens;
    for (const Item &item : items) {
        PangeaTokenSeed seed;
        seed.name = QString::fromUtf16(item.name);
        seed.folder = QString::fromUtf16(item.folder);
        seed.versions = item.versions;
        seed.rotationFrequency = QString::fromUtf16(item.frequency);
        seed.rotationState = QString::fromUtf16(item.state);
        seed.rotationGracePeriod = QString::fromUtf16(item.grace);
        seed.tags = {u"sandbox"_s};
        seed.metadata = {{u"owner"_s, u"platform-team"_s}};
        tokens.insert(seed.name, fake.addTokenItem(seed));
    }
    return {{u"auth"_s, u"Authorization: Bearer"_s}, {u"credential"_s, PangeaAdmin}, {u"items"_s, tokens}};
}

QJsonObject SandboxSeed::glean(FakeGlean &fake)
{
    fake.addDatasource(u"wiki"_s, u"Company Wiki"_s);
    fake.addDatasource(u"jira"_s, u"Jira Cloud"_s);
    fake.addDatasource(u"people"_s, u"People Directory"_s);
    struct Token
    {
        const char16_t *name;
        qint64 period;
        int expiresInDays; // 0 = never
    };
    const Token list[] {{u"wiki-connector", 1440, 0}, {u"jira-connector", 10080, 365}, {u"people-sync", 2880, 60}};
    QJsonObject tokens;
    QJsonObject periods;
    QString first;
    for (const Token &token : list) {
        GleanTokenSeed seed;
        seed.name = QString::fromUtf16(token.name);
        seed.rotationPeriodMinutes = token.period;
        if (token.expiresInDays > 0)
            seed.expiresAt = QDateTime::currentDateTimeUtc().addDays(token.expiresInDays);
        const QString secret = fake.addToken(seed).exposeUtf8();
        tokens.insert(seed.name, secret);
        periods.insert(seed.name, token.period);
        if (first.isEmpty())
            first = secret;
    }
    // Glean has no admin credential over the API: each token rotates itself.
    return {{u"auth"_s, u"Authorization: Bearer"_s}, {u"credential"_s, first}, {u"tokens"_s, tokens},
        {u"rotationPeriodMinutes"_s, periods}};
}

QJsonObject SandboxSeed::dynatrace(FakeDynatrace &fake)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    DynatraceTokenSeed manager;
    manager.name = u"tokendesk-manager"_s;
    manager.owner = u"platform-admin@example.com"_s;
    manager.scopes = {u"apiTokens.read"_s, u"apiTokens.write"_s, u"TenantTokenManagement"_s};
    manager.creationDate = now.addDays(-120);
    const QString credential = fake.addToken(manager).exposeUtf8();

    struct Token
    {
        const char16_t *name;
        QStringList scopes;
        int ageDays;
        int expiresInDays; // 0 = never
        bool enabled;
    };
    const Token list[] {
        {u"otel-collector", {u"metrics.ingest"_s, u"logs.ingest"_s, u"openTelemetryTrace.ingest"_s}, 80, 60, true},
        {u"synthetic-monitor", {u"syntheticExecutions.write"_s, u"ReadSyntheticData"_s}, 200, 0, true},
        {u"ci-release-events", {u"events.ingest"_s}, 30, 90, true},
        {u"legacy-config", {u"ReadConfig"_s, u"WriteConfig"_s}, 700, 0, false},
    };
    QJsonObject tokens;
    for (const Token &token : list) {
        DynatraceTokenSeed seed;
        seed.name = QString::fromUtf16(token.name);
        seed.owner = u"platform-admin@example.com"_s;
        seed.scopes = token.scopes;
        seed.creationDate = now.addDays(-token.ageDays);
        if (token.expiresInDays > 0)
            seed.expirationDate = now.addDays(token.expiresInDays);
        if (token.enabled)
            seed.lastUsedDate = now.addSecs(-3600 * (1 + token.ageDays % 7));
        seed.enabled = token.enabled;
        tokens.insert(seed.name, fake.addToken(seed).exposeUtf8());
    }
    return {{u"auth"_s, u"Authorization: Api-Token"_s}, {u"credential"_s, credential}, {u"tokens"_s, tokens}};
}

QJsonObject SandboxSeed::piiano(FakePiiano &fake)
{
    fake.addApiKey(SecretBytes::fromUtf8(PiianoAdmin), u"admin"_s);
    PiianoRole reader;
    reader.tokensWriter = false;
    fake.addApiKey(SecretBytes::fromUtf8(u"pvault-sandbox-reader-key"_s), u"WebServer"_s, reader);
    fake.addCollection(u"customers"_s);
    fake.addCollection(u"payments"_s);
    QJsonArray customers;
    const char16_t *people[] {u"Pat Far", u"Sam Lee", u"Kim Ode", u"Ari Vos", u"Noa Tal"};
    for (const char16_t *person : people) {
        const QString name = QString::fromUtf16(person);
        PiianoTokenSeed seed;
        seed.fields
            = {{u"name"_s, name}, {u"email"_s, QString(name.section(u' ', 0, 0).toLower() + u"@example.com"_s)}};
        seed.tags = {u"crm"_s};
        customers.append(fake.addToken(u"customers"_s, seed));
    }
    QJsonArray payments;
    for (const char16_t *card : {u"4111111111111111", u"5500005555555559", u"340000000000009"}) {
        PiianoTokenSeed seed;
        seed.type = u"pci"_s;
        seed.fields = {{u"card_number"_s, QString::fromUtf16(card)}};
        payments.append(fake.addToken(u"payments"_s, seed));
    }
    return {{u"auth"_s, u"Authorization: Bearer"_s}, {u"credential"_s, PiianoAdmin},
        {u"collections"_s, QJsonObject {{u"customers"_s, customers}, {u"payments"_s, payments}}}};
}

QJsonObject SandboxSeed::vault(FakeVaultKv &fake, const QJsonObject &stored)
{
    fake.addMount(u"secret"_s);
    fake.addMount(u"secret"_s, u"team-a"_s);
    fake.addRootToken(SecretBytes::fromUtf8(VaultRoot));
    VaultTokenSeed app;
    app.displayName = u"token-tokendesk"_s;
    app.policies = {u"default"_s, u"tokendesk"_s};
    app.rules = {{u"secret/data/tokendesk/*"_s, {u"create"_s, u"read"_s, u"update"_s}},
        {u"secret/metadata/tokendesk/*"_s, {u"create"_s, u"read"_s, u"update"_s, u"list"_s, u"delete"_s}},
        {u"secret/delete/tokendesk/*"_s, {u"update"_s}}, {u"secret/destroy/tokendesk/*"_s, {u"update"_s}},
        {u"team-a/secret/data/tokendesk/*"_s, {u"create"_s, u"read"_s, u"update"_s}},
        {u"team-a/secret/metadata/tokendesk/*"_s, {u"read"_s, u"list"_s}}};
    fake.addToken(SecretBytes::fromUtf8(VaultApp), app);
    for (auto it = stored.constBegin(); it != stored.constEnd(); ++it)
        fake.seedSecret(u"secret"_s, u"tokendesk/"_s + it.key(), {{u"token"_s, it.value()}});
    fake.seedSecret(
        u"secret"_s, u"apps/legacy/database"_s, {{u"username"_s, u"legacy"_s}, {u"password"_s, u"demo-only"_s}});
    fake.seedSecret(u"secret"_s, u"tokendesk/shared/notes"_s, {{u"owner"_s, u"team-a"_s}}, u"team-a"_s);
    return {{u"auth"_s, u"X-Vault-Token"_s}, {u"credential"_s, VaultRoot}, {u"appToken"_s, VaultApp},
        {u"mount"_s, u"secret"_s}, {u"namespaces"_s, QJsonArray {u""_s, u"team-a"_s}}};
}
