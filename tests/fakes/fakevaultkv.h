// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/secretbytes.h"
#include "fakeserver.h"
#include "vaultkvstore.h"
#include "vaulttoken.h"

#include <optional>

// HashiCorp Vault (and OpenBao) as TokenDesk's secret store: KV v2 mounts under /v1 (data,
// metadata incl. LIST and GET ?list=true, delete, undelete, destroy, subkeys, config), with
// check-and-set exactly as Vault does it, X-Vault-Token (or Bearer) auth with ACL path rules,
// X-Vault-Namespace (or a namespace at the front of the path) with separate state per
// namespace, GET /v1/sys/health and GET /v1/auth/token/lookup-self. Answers use Vault's envelope
// {request_id, lease_id, renewable, lease_duration, data, wrap_info, warnings, auth} and errors
// {"errors": [...]}.
class FakeVaultKv final : public FakeServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeVaultKv)

public:
    explicit FakeVaultKv(const Clock &clock = Clock::system(), QObject *parent = nullptr);

    // A KV v2 mount; the namespace comes into being with its first mount.
    void addMount(const QString &mount, const QString &ns = {});
    void addRootToken(const SecretBytes &token, const QString &ns = {});
    void addToken(const SecretBytes &token, const VaultTokenSeed &seed);
    void revokeToken(const SecretBytes &token);
    // Writes a version directly (no auth, no CAS); returns its number.
    int seedSecret(const QString &mount, const QString &path, const QJsonObject &data, const QString &ns = {});

    // Is the token known, unrevoked and unexpired?
    bool isSecretValid(const SecretBytes &token) const;
    // A version's data without counting as a read; nullopt if absent, deleted or destroyed.
    std::optional<QJsonObject> secretData(
        const QString &mount, const QString &path, int version = 0, const QString &ns = {}) const;
    const VaultKvSecret *secret(const QString &mount, const QString &path, const QString &ns = {}) const;
    // Current versions written through the API that were never read back.
    int orphanCount() const;
    // Direct access for tests that need mount settings (cas_required, max_versions).
    VaultKvStore &store() { return m_store; }

protected:
    FakeResponse faultResponse(
        FaultKind kind, int status, int retryAfterSeconds, const FakeRequest &request) const override;
    FakeResponse routeNotFound(const FakeRequest &request, bool otherMethodMatched) const override;
    // Qt 6.4 parses Vault's LIST verb but reports Method::Unknown; it is the only such verb here.
    QByteArray unknownMethodName() const override { return "LIST"; }

private:
    struct Target
    {
        QString ns;
        QString relativeNs; // below the token's namespace, for its ACL paths
        QString mount;
        QString operation; // data, metadata, delete, undelete, destroy, config, subkeys
        QString path;
    };

    const VaultToken *authenticate(const FakeRequest &request) const;
    bool allows(const VaultToken &token, const QString &aclPath, const QString &capability) const;
    std::optional<Target> resolve(const QString &ns, const QString &rest) const;
    QString requestedNamespace(const FakeRequest &request) const;
    FakeResponse envelope(int status, const QJsonValue &data, bool kvMount = true);
    static FakeResponse errors(int status, const QStringList &messages);
    FakeResponse answer(const VaultKvResult &result);

    FakeResponse health(const FakeRequest &request);
    FakeResponse lookupSelf(const FakeRequest &request);
    FakeResponse kv(const FakeRequest &request);
    FakeResponse runOperation(const FakeRequest &request, const Target &target, VaultKvMount &mount, bool list);

    VaultKvStore m_store;
    QList<VaultToken> m_tokens;
};
