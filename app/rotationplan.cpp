// SPDX-License-Identifier: GPL-3.0-or-later
#include "rotationplan.h"

#include "appcontext.h"
#include "retirementschedule.h"
#include "store/rotationstore.h"
#include "store/workspacestore.h"

using namespace Qt::StringLiterals;

namespace {

constexpr int GleanBufferMinutes = 10;

QString keychainStep()
{
    return RotationPlan::tr("system keychain: reserve the new version's entry");
}

} // namespace

RotationPlan::Plan RotationPlan::forRotation(AppContext *context, qint64 tokenId, const QDateTime &now)
{
    Plan plan;
    WorkspaceStore *store = context->store();
    const std::optional<Token> token = store->token(tokenId);
    const std::optional<Account> account = token ? store->account(token->accountId) : std::nullopt;
    if (!token || !account) {
        plan.refusal = tr("There is no token %1 in the workspace.").arg(tokenId);
        return plan;
    }
    plan.tokenName = token->name;
    plan.accountName = account->displayName;
    const QString id = token->providerId;
    QList<Step> &s = plan.steps;
    s << Step {u"reserve"_s, {}, {}, keychainStep()};
    const ProviderCapabilities capabilities = context->providers().capabilities(*account);
    QDateTime revokeAt = RetirementSchedule::graceEnd(token->policy, capabilities, now);
    bool deletes = false;
    switch (account->kind) {
    case ProviderKind::Dynatrace:
        s << Step {u"create"_s, u"POST"_s, u"/api/v2/apiTokens"_s,
            tr("a new token “%1” with scopes %2").arg(token->name, token->scopes.join(u", "_s))};
        s << Step {u"verify"_s, u"POST"_s, u"/api/v2/apiTokens/lookup"_s, tr("authenticated with the new token")};
        s << Step {u"revoke-old"_s, u"PUT"_s, u"/api/v2/apiTokens/"_s + id, tr("{\"enabled\": false}")};
        s << Step {u"delete-old"_s, u"DELETE"_s, u"/api/v2/apiTokens/"_s + id, {}};
        deletes = true;
        break;
    case ProviderKind::PangeaVault:
        s << Step {u"create"_s, u"POST"_s, u"/v2/secret/rotate"_s, tr("item %1 gets a new version").arg(id)};
        s << Step {u"verify"_s, u"POST"_s, u"/v2/get"_s, tr("authenticated with the new version")};
        s << Step {u"revoke-old"_s, u"POST"_s, u"/v2/get"_s, tr("the old version's state")};
        s << Step {u"revoke-old"_s, u"POST"_s, u"/v2/state/change"_s,
            tr("version %1 deactivated (Pangea may already have ended it after its own grace period)")
                .arg(token->currentVersion)};
        break;
    case ProviderKind::Glean:
        s << Step {u"create"_s, u"POST"_s, u"/api/index/v1/rotatetoken"_s,
            tr("authenticated with the token's current secret")};
        s << Step {
            u"verify"_s, u"POST"_s, u"/api/index/v1/getdatasourceconfig"_s, tr("authenticated with the new secret")};
        s << Step {u"revoke-old"_s, {}, {}, tr("no call: Glean ends the old secret after its 10-minute buffer")};
        revokeAt = now.addSecs(GleanBufferMinutes * 60);
        break;
    case ProviderKind::PiianoVault:
        s << Step {u"create"_s, u"POST"_s, u"/api/pvlt/1.0/data/collections/{collection}/rotate/tokens"_s,
            tr("token id %1 replaced by a new id; the old id stops at once").arg(id)};
        revokeAt = now;
        break;
    case ProviderKind::VaultKv:
        plan.refusal = tr("A HashiCorp Vault account stores secrets; it has no tokens to rotate.");
        s.clear();
        return plan;
    }
    s.insert(2,
        Step {u"store"_s, {}, {},
            tr("system keychain: the new secret; workspace: version %1 pending").arg(token->currentVersion + 1)});
    int at = 3;
    for (const TokenSink &sink : RotationStore(store).sinks(token->id)) {
        const std::optional<Account> vault = store->account(sink.vaultAccountId);
        const QString where = u"/v1/%1/data/%2"_s.arg(sink.mount, sink.path);
        s.insert(at++,
            Step {u"sink"_s, u"GET"_s, u"/v1/%1/metadata/%2"_s.arg(sink.mount, sink.path),
                tr("current version of %1 (for check-and-set)").arg(vault ? vault->displayName : QString())});
        s.insert(at++, Step {u"sink"_s, u"POST"_s, where, tr("field “%1”, check-and-set").arg(sink.field)});
    }
    const int promoteAt = static_cast<int>(std::find_if(s.cbegin(), s.cend(), [](const Step &step) {
        return step.step == u"verify"_s || step.step == u"revoke-old"_s;
    }) - s.cbegin());
    const bool hasVerify = promoteAt < s.size() && s.at(promoteAt).step == u"verify"_s;
    s.insert(hasVerify ? promoteAt + 1 : promoteAt,
        Step {u"promote"_s, {}, {},
            tr("version %1 current; version %2 valid until %3")
                .arg(token->currentVersion + 1)
                .arg(token->currentVersion)
                .arg(revokeAt.toString(Qt::ISODate))});
    plan.revokeAt = revokeAt;
    if (deletes) {
        plan.deleteAt = RetirementSchedule::deleteAt(token->policy, capabilities, revokeAt);
    }
    return plan;
}

RotationPlan::Plan RotationPlan::forRevocation(AppContext *context, qint64 tokenId)
{
    Plan plan;
    WorkspaceStore *store = context->store();
    const std::optional<Token> token = store->token(tokenId);
    const std::optional<Account> account = token ? store->account(token->accountId) : std::nullopt;
    if (!token || !account) {
        plan.refusal = tr("There is no token %1 in the workspace.").arg(tokenId);
        return plan;
    }
    plan.tokenName = token->name;
    plan.accountName = account->displayName;
    QList<TokenVersion> live;
    for (const TokenVersion &v : store->versions(token->id)) {
        if (v.state == VersionState::Current || v.state == VersionState::Grace)
            live << v;
    }
    if (live.isEmpty()) {
        TokenVersion current;
        current.number = std::max(1, token->currentVersion);
        current.providerId = token->providerId;
        live << current;
    }
    for (const TokenVersion &v : std::as_const(live)) {
        switch (account->kind) {
        case ProviderKind::Dynatrace: {
            const QString id = v.providerId.isEmpty() ? token->providerId : v.providerId;
            plan.steps << Step {u"revoke"_s, u"PUT"_s, u"/api/v2/apiTokens/"_s + id,
                tr("version %1: {\"enabled\": false}").arg(v.number)};
            break;
        }
        case ProviderKind::PangeaVault:
            plan.steps << Step {u"revoke"_s, u"POST"_s, u"/v2/get"_s, tr("version %1's state").arg(v.number)};
            plan.steps << Step {u"revoke"_s, u"POST"_s, u"/v2/state/change"_s,
                tr("version %1 of %2 deactivated").arg(v.number).arg(token->providerId)};
            break;
        case ProviderKind::Glean:
            plan.refusal
                = tr("Glean has no revoke call: the secret stays valid until %1; revoke the token in the "
                     "Glean admin console.")
                      .arg(token->expiresAt.isValid() ? token->expiresAt.toString(Qt::ISODate) : tr("it expires"));
            plan.steps.clear();
            return plan;
        case ProviderKind::PiianoVault:
            plan.refusal = tr("Piiano ids cannot be revoked: rotate them to retire the old ids at once.");
            plan.steps.clear();
            return plan;
        case ProviderKind::VaultKv:
            plan.refusal = tr("A HashiCorp Vault account stores secrets; it has no tokens to revoke.");
            return plan;
        }
    }
    return plan;
}

QString RotationPlan::toText(const Plan &plan)
{
    QString text = tr("%1 (%2)").arg(plan.tokenName, plan.accountName) + u'\n';
    if (!plan.refusal.isEmpty())
        return text + u"  "_s + plan.refusal + u'\n';
    int number = 1;
    for (const Step &step : plan.steps) {
        text += u"  %1. %2"_s.arg(number++).arg(step.step);
        if (!step.method.isEmpty())
            text += u"  "_s + step.method + u' ' + step.path;
        if (!step.note.isEmpty())
            text += u"  — "_s + step.note;
        text += u'\n';
    }
    if (plan.deleteAt.isValid())
        text += u"  "_s + tr("old version deleted at %1").arg(plan.deleteAt.toString(Qt::ISODate)) + u'\n';
    return text;
}
