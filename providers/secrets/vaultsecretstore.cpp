// SPDX-License-Identifier: GPL-3.0-or-later
#include "vaultsecretstore.h"

#include "vaultkv/vaultkvclient.h"
#include "vaultkv/vaultkvparser.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcVaultSecrets, "tokendesk.providers.secrets.vault")

namespace {

bool isNotFound(const ApiError &error)
{
    const QString &code = error.providerCode;
    return error.httpStatus == 404
        && (code == VaultKvParser::NotFoundCode || code == VaultKvParser::VersionDeletedCode
            || code == VaultKvParser::VersionDestroyedCode);
}

} // namespace

VaultSecretStore::VaultSecretStore(VaultKvClient *client, QString prefix, QObject *parent)
    : SecretStore(parent)
    , m_client(client)
    , m_prefix(VaultKvClient::normalisedPath(prefix))
{ }

VaultSecretStore::~VaultSecretStore() = default;

QString VaultSecretStore::backendName() const
{
    if (!m_client)
        return tr("HashiCorp Vault");
    const VaultKvClient::Settings &settings = m_client->settings();
    return tr("HashiCorp Vault at %1 (KV mount “%2”)").arg(settings.baseUrl.host(), settings.mount);
}

QString VaultSecretStore::pathFor(const QString &key) const
{
    const QString relative = VaultKvClient::normalisedPath(key);
    if (relative.isEmpty())
        return {};
    return m_prefix.isEmpty() ? relative : m_prefix + u'/' + relative;
}

QString VaultSecretStore::locationFor(const QString &key) const
{
    const QString path = pathFor(key);
    if (path.isEmpty() || !m_client)
        return {};
    return m_client->location(path, FieldName);
}

SecretJob *VaultSecretStore::start(SecretJob::Operation operation, const QString &key, int calls)
{
    auto *job = new SecretJob(operation, key, this);
    if (!m_client) {
        job->finishWithError(SecretJob::Error::NoBackend, tr("The Vault connection is gone."));
        return job;
    }
    // Each call ends within the client's deadline with a Vault-worded error; the job's own
    // watchdog only backs that up, so it gets all the calls' time and then some.
    job->setTimeout(calls * m_client->callDeadline() + std::chrono::seconds(5));
    if (pathFor(key).isEmpty())
        job->finishWithError(SecretJob::Error::Other, tr("“%1” is not a valid Vault secret key.").arg(key.left(200)));
    return job;
}

SecretJob *VaultSecretStore::read(const QString &key)
{
    SecretJob *job = start(SecretJob::Operation::Read, key, 1);
    if (job->isFinished())
        return job;
    VaultOperation *operation = m_client->readSecret(pathFor(key), FieldName);
    QPointer<SecretJob> guard(job);
    connect(operation, &VaultOperation::finished, job, [this, guard](VaultOperation *done) {
        if (!guard || guard->isFinished())
            return;
        if (done->ok())
            guard->finishWithSuccess(done->version().value);
        else
            finishWithError(guard, done->error());
    });
    return job;
}

SecretJob *VaultSecretStore::write(const QString &key, const SecretBytes &value)
{
    // Per attempt a metadata read and a write, and after all of them a possible confirming read.
    SecretJob *job = start(SecretJob::Operation::Write, key, MaxWriteAttempts * 2 + 1);
    if (job->isFinished())
        return job;
    if (value.isEmpty()) {
        job->finishWithError(SecretJob::Error::Other, tr("An empty secret cannot be stored in Vault."));
        return job;
    }
    writeAttempt(job, pathFor(key), value, 1);
    return job;
}

void VaultSecretStore::writeAttempt(SecretJob *job, const QString &path, const SecretBytes &value, int attempt)
{
    if (!m_client) {
        job->finishWithError(SecretJob::Error::NoBackend, tr("The Vault connection is gone."));
        return;
    }
    QPointer<SecretJob> guard(job);
    VaultOperation *metadata = m_client->readMetadata(path);
    connect(metadata, &VaultOperation::finished, job, [this, guard, path, value, attempt](VaultOperation *read) {
        if (!guard || guard->isFinished())
            return;
        int cas = 0; // a key without metadata does not exist yet
        if (read->ok())
            cas = read->metadata().currentVersion;
        else if (!isNotFound(read->error())) {
            finishWithError(guard, read->error());
            return;
        }
        if (!m_client) {
            guard->finishWithError(SecretJob::Error::NoBackend, tr("The Vault connection is gone."));
            return;
        }
        VaultOperation *written = m_client->writeSecret(path, FieldName, value, cas);
        connect(written, &VaultOperation::finished, guard, [this, guard, path, value, attempt](VaultOperation *done) {
            if (!guard || guard->isFinished())
                return;
            if (done->ok()) {
                guard->finishWithSuccess();
            } else if (done->isCasMismatch() && attempt < MaxWriteAttempts) {
                // Someone wrote the key between our two calls: start over from its new version.
                writeAttempt(guard, path, value, attempt + 1);
            } else {
                finishWithError(guard, done->error());
            }
        });
    });
}

SecretJob *VaultSecretStore::remove(const QString &key)
{
    SecretJob *job = start(SecretJob::Operation::Remove, key, 1);
    if (job->isFinished())
        return job;
    VaultOperation *operation = m_client->deleteMetadata(pathFor(key));
    QPointer<SecretJob> guard(job);
    connect(operation, &VaultOperation::finished, job, [this, guard](VaultOperation *done) {
        if (!guard || guard->isFinished())
            return;
        if (done->ok())
            guard->finishWithSuccess();
        else
            finishWithError(guard, done->error());
    });
    return job;
}

SecretJob::Error VaultSecretStore::mapError(SecretJob::Operation operation, const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::None:
        return SecretJob::Error::NoError;
    case ApiError::Kind::Network:
        return SecretJob::Error::NoBackend;
    case ApiError::Kind::Timeout:
        return SecretJob::Error::Timeout;
    case ApiError::Kind::Http:
    case ApiError::Kind::Provider:
        break;
    case ApiError::Kind::Tls:
    case ApiError::Kind::Malformed:
    case ApiError::Kind::Refused:
    case ApiError::Kind::Cancelled:
        return SecretJob::Error::Other;
    }
    if (error.providerCode == VaultKvParser::PermissionDeniedCode || error.httpStatus == 403)
        return SecretJob::Error::AccessDenied;
    if (error.providerCode == VaultKvParser::SealedCode)
        return SecretJob::Error::Locked;
    if (operation == SecretJob::Operation::Read && isNotFound(error))
        return SecretJob::Error::NotFound;
    return SecretJob::Error::Other;
}

void VaultSecretStore::finishWithError(SecretJob *job, const ApiError &error)
{
    const SecretJob::Error mapped = mapError(job->operation(), error);
    const QString where = locationFor(job->key());
    // Vault's own words never hold a value, so they may be shown and logged.
    const QString detail = error.toString();
    QString text;
    switch (mapped) {
    case SecretJob::Error::NotFound:
        text = tr("No secret is stored in Vault at “%1”. Enter the secret again to store it.").arg(where);
        break;
    case SecretJob::Error::AccessDenied:
        text = tr("Vault refused access to “%1”: its token is invalid or expired, or its policy does not allow this. "
                  "(Vault: %2)")
                   .arg(where, detail);
        break;
    case SecretJob::Error::Locked:
        text = tr("Vault is sealed. Ask a Vault operator to unseal it, then try again. (Vault: %1)").arg(detail);
        break;
    case SecretJob::Error::NoBackend:
        text = tr("Cannot reach Vault: %1").arg(detail);
        break;
    case SecretJob::Error::Timeout:
        text = tr("Vault did not answer in time: %1").arg(detail);
        break;
    case SecretJob::Error::NoError:
    case SecretJob::Error::Other:
        text = tr("Vault could not handle the secret at “%1”: %2").arg(where, detail);
        break;
    }
    if (mapped != SecretJob::Error::NotFound)
        qCWarning(lcVaultSecrets) << job->operation() << job->key() << "failed:" << detail;
    job->finishWithError(mapped == SecretJob::Error::NoError ? SecretJob::Error::Other : mapped, text);
}
