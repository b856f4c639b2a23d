// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakevaultkv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// Vault wraps ACL failures of a valid token in a multierror, unlike an unknown token.
const QString AclDenied = u"1 error occurred:\n\t* permission denied\n\n"_s;

QString joinNamespace(const QString &parent, const QString &child)
{
    if (parent.isEmpty())
        return child;
    return child.isEmpty() ? parent : parent + u"/"_s + child;
}

// A Vault policy path glob: `+` is one path segment, a trailing `*` any suffix.
bool globMatches(const QString &glob, const QString &path)
{
    QString regex = u"^"_s;
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == u'+')
            regex += u"[^/]+"_s;
        else if (c == u'*' && i == glob.size() - 1)
            regex += u".*"_s;
        else
            regex += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(regex + u"$"_s).match(path).hasMatch();
}

} // namespace

FakeVaultKv::FakeVaultKv(const Clock &clock, QObject *parent)
    : FakeServer(clock, parent)
{
    addRoute("GET", u"/v1/sys/health"_s, [this](const FakeRequest &r) { return health(r); });
    addRoute("GET", u"/v1/auth/token/lookup-self"_s, [this](const FakeRequest &r) { return lookupSelf(r); });
    addRoute("POST", u"/v1/auth/token/lookup-self"_s, [this](const FakeRequest &r) { return lookupSelf(r); });
    for (const QByteArray method : {"GET", "POST", "PUT", "PATCH", "DELETE", "LIST"})
        addRoute(method, u"/v1/(.+)"_s, [this](const FakeRequest &r) { return kv(r); });
}

void FakeVaultKv::addMount(const QString &mount, const QString &ns)
{
    m_store.addMount(ns, mount);
}

void FakeVaultKv::addRootToken(const SecretBytes &token, const QString &ns)
{
    VaultTokenSeed seed;
    seed.displayName = u"root"_s;
    seed.policies = {u"root"_s};
    seed.namespacePath = ns;
    seed.ttlSeconds = 0;
    seed.root = true;
    addToken(token, seed);
}

void FakeVaultKv::addToken(const SecretBytes &token, const VaultTokenSeed &seed)
{
    m_tokens.append(
        {token.exposeUtf8(), randomString(24, u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"), seed,
            clock().nowUtc(), false});
}

void FakeVaultKv::revokeToken(const SecretBytes &token)
{
    for (VaultToken &known : m_tokens) {
        if (known.id == token.exposeUtf8())
            known.revoked = true;
    }
}

int FakeVaultKv::seedSecret(const QString &mount, const QString &path, const QJsonObject &data, const QString &ns)
{
    m_store.addMount(ns, mount);
    VaultKvMount *target = m_store.mount(ns, mount);
    const VaultKvResult result = m_store.writeData(*target, path, {{u"data"_s, data}}, clock().nowUtc());
    VaultKvSecret &secret = target->secrets[path];
    secret.versions[secret.currentVersion].seeded = true;
    return result.data.toObject().value(u"version"_s).toInt();
}

bool FakeVaultKv::isSecretValid(const SecretBytes &token) const
{
    for (const VaultToken &known : m_tokens) {
        if (known.id != token.exposeUtf8() || known.revoked)
            continue;
        return known.seed.ttlSeconds == 0 || clock().nowUtc() < known.creationTime.addSecs(known.seed.ttlSeconds);
    }
    return false;
}

const VaultKvSecret *FakeVaultKv::secret(const QString &mount, const QString &path, const QString &ns) const
{
    return m_store.secret(ns, mount, path);
}

std::optional<QJsonObject> FakeVaultKv::secretData(
    const QString &mount, const QString &path, int version, const QString &ns) const
{
    const VaultKvSecret *found = m_store.secret(ns, mount, path);
    if (!found)
        return std::nullopt;
    const auto it = found->versions.constFind(version > 0 ? version : found->currentVersion);
    if (it == found->versions.constEnd() || it->destroyed || it->deletionTime.isValid())
        return std::nullopt;
    return it->data;
}

int FakeVaultKv::orphanCount() const
{
    int count = 0;
    for (const auto &mounts : m_store.all()) {
        for (const VaultKvMount &mount : mounts) {
            for (const VaultKvSecret &secret : mount.secrets) {
                const auto current = secret.versions.constFind(secret.currentVersion);
                if (current != secret.versions.constEnd() && !current->seeded && current->reads == 0
                    && !current->destroyed && !current->deletionTime.isValid())
                    ++count;
            }
        }
    }
    return count;
}

const VaultToken *FakeVaultKv::authenticate(const FakeRequest &request) const
{
    QString id = QString::fromUtf8(request.header("X-Vault-Token"));
    if (id.isEmpty())
        id = QString::fromUtf8(request.authorization("Bearer"));
    for (const VaultToken &token : m_tokens) {
        if (!id.isEmpty() && token.id == id)
            return isSecretValid(SecretBytes::fromUtf8(id)) ? &token : nullptr;
    }
    return nullptr;
}

bool FakeVaultKv::allows(const VaultToken &token, const QString &aclPath, const QString &capability) const
{
    if (token.seed.root)
        return true;
    bool granted = false;
    for (const VaultPolicyRule &rule : token.seed.rules) {
        if (!globMatches(rule.path, aclPath))
            continue;
        if (rule.capabilities.contains(u"deny"_s))
            return false;
        granted = granted || rule.capabilities.contains(capability);
    }
    return granted;
}

QString FakeVaultKv::requestedNamespace(const FakeRequest &request) const
{
    QString ns = QString::fromUtf8(request.header("X-Vault-Namespace")).trimmed();
    while (ns.startsWith(u'/'))
        ns.remove(0, 1);
    while (ns.endsWith(u'/'))
        ns.chop(1);
    return ns;
}

std::optional<FakeVaultKv::Target> FakeVaultKv::resolve(const QString &ns, const QString &rest) const
{
    // The namespace may also lead the path ("/v1/team-a/secret/data/x"), below the header's.
    const QStringList segments = rest.split(u'/');
    for (qsizetype i = 0; i + 1 < segments.size(); ++i) {
        const QString candidate = joinNamespace(ns, segments.mid(0, i).join(u'/'));
        if (!m_store.mount(candidate, segments.at(i)))
            continue;
        Target target;
        target.ns = candidate;
        target.mount = segments.at(i);
        target.operation = segments.at(i + 1);
        target.path = segments.mid(i + 2).join(u'/');
        return target;
    }
    return std::nullopt;
}

FakeResponse FakeVaultKv::envelope(int status, const QJsonValue &data, bool kvMount)
{
    QJsonObject body {{u"request_id"_s, randomUuid()}, {u"lease_id"_s, u""_s}, {u"renewable"_s, false},
        {u"lease_duration"_s, 0}, {u"data"_s, data}, {u"wrap_info"_s, QJsonValue::Null},
        {u"warnings"_s, QJsonValue::Null}, {u"auth"_s, QJsonValue::Null}};
    if (kvMount)
        body.insert(u"mount_type"_s, u"kv"_s);
    return FakeResponse::json(status, body);
}

FakeResponse FakeVaultKv::errors(int status, const QStringList &messages)
{
    return FakeResponse::json(status, QJsonObject {{u"errors"_s, QJsonArray::fromStringList(messages)}});
}

FakeResponse FakeVaultKv::answer(const VaultKvResult &result)
{
    if (result.status == 204)
        return FakeResponse::empty(204);
    return result.hasData ? envelope(result.status, result.data) : errors(result.status, result.errors);
}

FakeResponse FakeVaultKv::health(const FakeRequest &)
{
    return FakeResponse::json(200,
        QJsonObject {{u"initialized"_s, true}, {u"sealed"_s, false}, {u"standby"_s, false},
            {u"performance_standby"_s, false}, {u"replication_performance_mode"_s, u"disabled"_s},
            {u"replication_dr_mode"_s, u"disabled"_s}, {u"server_time_utc"_s, clock().nowUtc().toSecsSinceEpoch()},
            {u"version"_s, u"1.15.0"_s}, {u"cluster_name"_s, u"vault-cluster-tokendesk"_s},
            {u"cluster_id"_s, u"6f1c4a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f"_s}});
}

FakeResponse FakeVaultKv::lookupSelf(const FakeRequest &request)
{
    const VaultToken *token = authenticate(request);
    if (!token)
        return errors(403, {u"permission denied"_s});
    const QDateTime now = clock().nowUtc();
    const qint64 ttl
        = token->seed.ttlSeconds == 0 ? 0 : now.secsTo(token->creationTime.addSecs(token->seed.ttlSeconds));
    const QJsonValue expireTime = token->seed.ttlSeconds == 0
        ? QJsonValue(QJsonValue::Null)
        : QJsonValue(VaultKvStore::timestamp(token->creationTime.addSecs(token->seed.ttlSeconds)));
    QJsonObject data {{u"accessor"_s, token->accessor}, {u"creation_time"_s, token->creationTime.toSecsSinceEpoch()},
        {u"creation_ttl"_s, token->seed.ttlSeconds}, {u"display_name"_s, token->seed.displayName},
        {u"entity_id"_s, u""_s}, {u"expire_time"_s, expireTime}, {u"explicit_max_ttl"_s, 0}, {u"id"_s, token->id},
        {u"issue_time"_s, VaultKvStore::timestamp(token->creationTime)}, {u"meta"_s, QJsonValue::Null},
        {u"num_uses"_s, 0}, {u"orphan"_s, true},
        {u"path"_s, token->seed.root ? u"auth/token/root"_s : u"auth/token/create"_s},
        {u"policies"_s, QJsonArray::fromStringList(token->seed.policies)},
        {u"renewable"_s, token->seed.ttlSeconds != 0}, {u"ttl"_s, ttl}, {u"type"_s, u"service"_s}};
    if (!token->seed.namespacePath.isEmpty())
        data.insert(u"namespace_path"_s, QString(token->seed.namespacePath + u"/"_s));
    return envelope(200, data, false);
}

FakeResponse FakeVaultKv::faultResponse(FaultKind kind, int status, int, const FakeRequest &request) const
{
    if (kind == FaultKind::Throttle)
        return errors(status, {u"request path \"%1\": rate limit quota exceeded"_s.arg(request.path.mid(4))});
    if (status == 503)
        return errors(status, {u"Vault is sealed"_s});
    if (status == 502)
        return errors(status, {u"error performing request: upstream connection failed"_s});
    return errors(status, {u"internal error"_s});
}

FakeResponse FakeVaultKv::routeNotFound(const FakeRequest &, bool otherMethodMatched) const
{
    return otherMethodMatched ? errors(405, {}) : errors(404, {});
}

FakeResponse FakeVaultKv::kv(const FakeRequest &request)
{
    const VaultToken *token = authenticate(request);
    if (!token)
        return errors(403, {u"permission denied"_s});
    const QString rest = request.captures.value(0);
    const QString headerNs = requestedNamespace(request);
    const QString tokenNs = token->seed.namespacePath;
    const auto relativeTo = [&tokenNs](const QString &ns) -> std::optional<QString> {
        if (tokenNs.isEmpty())
            return ns;
        if (ns == tokenNs)
            return QString();
        if (ns.startsWith(tokenNs + u"/"_s))
            return ns.mid(tokenNs.size() + 1);
        return std::nullopt; // a token never reaches outside its own namespace tree
    };
    const bool list
        = request.method == "LIST" || (request.method == "GET" && request.queryValue(u"list"_s) == u"true"_s);

    std::optional<Target> target = resolve(headerNs, rest);
    if (!target) {
        const auto relative = relativeTo(headerNs);
        if (!relative || !allows(*token, joinNamespace(*relative, rest), list ? u"list"_s : u"read"_s))
            return errors(403, {AclDenied});
        return errors(
            404, {u"no handler for route \"%1\". route entry not found."_s.arg(joinNamespace(headerNs, rest))});
    }
    const auto relative = relativeTo(target->ns);
    if (!relative)
        return errors(403, {AclDenied});
    target->relativeNs = *relative;
    VaultKvMount &mount = *m_store.mount(target->ns, target->mount);
    return runOperation(request, *target, mount, list);
}

FakeResponse FakeVaultKv::runOperation(const FakeRequest &request, const Target &target, VaultKvMount &mount, bool list)
{
    const QByteArray &method = request.method;
    const QString &op = target.operation;
    QString path = target.path;
    while (path.endsWith(u'/') && !list)
        path.chop(1);
    const bool write = method == "POST" || method == "PUT";
    const bool exists = mount.secrets.contains(path);

    QString capability;
    if (op == u"data"_s && method == "GET")
        capability = u"read"_s;
    else if ((op == u"data"_s || op == u"metadata"_s) && write)
        capability = exists ? u"update"_s : u"create"_s;
    else if (op == u"data"_s && method == "PATCH")
        capability = u"patch"_s;
    else if ((op == u"data"_s || op == u"metadata"_s) && method == "DELETE")
        capability = u"delete"_s;
    else if (op == u"metadata"_s && list)
        capability = u"list"_s;
    else if (op == u"metadata"_s && method == "GET")
        capability = u"read"_s;
    else if ((op == u"delete"_s || op == u"undelete"_s || op == u"destroy"_s) && write)
        capability = u"update"_s;
    else if (op == u"config"_s)
        capability = method == "GET" ? u"read"_s : (write ? u"update"_s : QString());
    else if (op == u"subkeys"_s && method == "GET")
        capability = u"read"_s;
    if (capability.isEmpty()) {
        const bool knownOperation = QStringList {u"data"_s, u"metadata"_s, u"delete"_s, u"undelete"_s, u"destroy"_s,
            u"config"_s, u"subkeys"_s}
                                        .contains(op);
        return knownOperation ? errors(405, {u"1 error occurred:\n\t* unsupported operation\n\n"_s})
                              : errors(404, {u"1 error occurred:\n\t* unsupported path\n\n"_s});
    }
    QString aclPath = target.mount + u"/"_s + op;
    if (op != u"config"_s)
        aclPath += u"/"_s + path + (list && !path.isEmpty() && !path.endsWith(u'/') ? u"/"_s : QString());
    if (!allows(*authenticate(request), joinNamespace(target.relativeNs, aclPath), capability))
        return errors(403, {AclDenied});

    QJsonObject body;
    if (write || method == "PATCH") {
        if (!request.body.trimmed().isEmpty()) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
            if (!document.isObject())
                return errors(400, {u"failed to parse JSON input: %1"_s.arg(parseError.errorString())});
            body = document.object();
        }
    }
    if (method == "PATCH" && !request.header("Content-Type").startsWith("application/merge-patch+json"))
        return errors(415,
            {u"PATCH requires Content-Type of application/merge-patch+json, provided \"%1\""_s.arg(
                QString::fromUtf8(request.header("Content-Type")))});
    if (path.isEmpty() && op != u"config"_s && !list)
        return errors(404, {});

    const QDateTime now = clock().nowUtc();
    const int version = request.queryValue(u"version"_s).toInt();
    if (op == u"config"_s)
        return answer(method == "GET" ? m_store.readConfig(mount) : m_store.writeConfig(mount, body));
    if (op == u"subkeys"_s)
        return answer(m_store.readSubkeys(mount, path, version));
    if (op == u"delete"_s || op == u"undelete"_s || op == u"destroy"_s)
        return answer(m_store.changeVersions(mount, op, path, body, now));
    if (op == u"metadata"_s) {
        if (list)
            return answer(m_store.list(mount, path));
        if (method == "GET")
            return answer(m_store.readMetadata(mount, path));
        if (method == "DELETE")
            return answer(m_store.deleteMetadata(mount, path));
        return answer(m_store.writeMetadata(mount, path, body, now));
    }
    if (method == "GET")
        return answer(m_store.readData(mount, path, version));
    if (method == "DELETE")
        return answer(m_store.deleteLatest(mount, path, now));
    if (method == "PATCH")
        return answer(m_store.patchData(mount, path, body, now));
    return answer(m_store.writeData(mount, path, body, now));
}
