// SPDX-License-Identifier: GPL-3.0-or-later
#include "sinkwriter.h"

#include "secrets/secretjob.h"
#include "secrets/secretstore.h"
#include "store/workspacestore.h"
#include "vaultkv/vaultkvclient.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

SinkWriter::SinkWriter(WorkspaceStore *store, SecretStore *secrets, HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_http(http)
{ }

QJsonArray SinkWriter::toJson(const QList<Write> &writes)
{
    QJsonArray array;
    for (const Write &w : writes)
        array.append(
            QJsonObject {{u"sink"_s, w.sink.id}, {u"previous"_s, w.previousVersion}, {u"new"_s, w.newVersion}});
    return array;
}

QList<SinkWriter::Write> SinkWriter::fromJson(const QJsonArray &array, const QList<TokenSink> &sinks)
{
    QList<Write> writes;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        const qint64 id = object.value(u"sink"_s).toInteger();
        const auto sink = std::find_if(sinks.cbegin(), sinks.cend(), [id](const TokenSink &s) { return s.id == id; });
        if (sink != sinks.cend())
            writes << Write {*sink, object.value(u"previous"_s).toInt(), object.value(u"new"_s).toInt()};
    }
    return writes;
}

void SinkWriter::withClient(const TokenSink &sink, const WithClient &then)
{
    const std::optional<Account> vault = m_store->account(sink.vaultAccountId);
    if (!vault || vault->kind != ProviderKind::VaultKv) {
        ApiError error;
        error.kind = ApiError::Kind::Refused;
        error.message = tr("The Vault account of %1/%2 is no longer in the workspace.").arg(sink.mount, sink.path);
        finish(error);
        return;
    }
    SecretJob *job = m_secrets->read(vault->credential.location);
    connect(job, &SecretJob::finished, this, [this, sink, then, vault = *vault](SecretJob *read) {
        if (read->error() != SecretJob::Error::NoError) {
            ApiError error;
            error.kind = ApiError::Kind::Refused;
            error.message
                = tr("The Vault token of “%1” could not be read: %2").arg(vault.displayName, read->errorString());
            finish(error);
            return;
        }
        auto *client
            = new VaultKvClient(m_http, {vault.baseUrl, sink.mount, {}, vault.caCertificatePath}, read->value(), this);
        then(client);
    });
}

void SinkWriter::write(const QList<TokenSink> &sinks, SecretBytes value, Done done)
{
    m_pending = sinks;
    m_value = std::move(value);
    m_done = std::move(done);
    writeNext();
}

void SinkWriter::writeNext()
{
    if (m_pending.isEmpty()) {
        finish({});
        return;
    }
    const TokenSink sink = m_pending.takeFirst();
    withClient(sink, [this, sink](VaultKvClient *client) {
        VaultOperation *metadata = client->readMetadata(sink.path);
        connect(metadata, &VaultOperation::finished, this, [this, client, sink](VaultOperation *current) {
            // A key that does not exist yet is written with cas 0: "only if still absent".
            const bool absent = !current->ok() && current->error().httpStatus == 404;
            if (!current->ok() && !absent) {
                client->deleteLater();
                finish(current->error());
                return;
            }
            const int previous = absent ? 0 : current->metadata().currentVersion;
            m_attempted << Write {sink, previous, 0};
            VaultOperation *written = client->writeSecret(sink.path, sink.field, m_value, previous);
            connect(written, &VaultOperation::finished, this, [this, client, sink](VaultOperation *result) {
                client->deleteLater();
                if (!result->ok()) {
                    ApiError error = result->error();
                    error.message = tr("%1/%2: %3").arg(sink.mount, sink.path, error.message);
                    finish(error);
                    return;
                }
                m_attempted.last().newVersion = result->version().version;
                writeNext();
            });
        });
    });
}

void SinkWriter::restore(const QList<Write> &attempted, Done done)
{
    m_toRestore = attempted;
    m_done = std::move(done);
    restoreNext();
}

void SinkWriter::restoreNext()
{
    if (m_toRestore.isEmpty()) {
        finish({});
        return;
    }
    const Write write = m_toRestore.takeFirst();
    withClient(write.sink, [this, write](VaultKvClient *client) {
        VaultOperation *metadata = client->readMetadata(write.sink.path);
        connect(metadata, &VaultOperation::finished, this, [this, client, write](VaultOperation *current) {
            const bool absent = !current->ok() && current->error().httpStatus == 404;
            if (!current->ok() && !absent) {
                client->deleteLater();
                finish(current->error());
                return;
            }
            const int now = absent ? 0 : current->metadata().currentVersion;
            // Nothing of ours landed, or someone wrote after us: their value stays.
            if (now == write.previousVersion || (write.newVersion != 0 && now != write.newVersion)) {
                client->deleteLater();
                restoreNext();
                return;
            }
            const auto done = [this, client, write](VaultOperation *result) {
                client->deleteLater();
                if (!result->ok()) {
                    finish(result->error());
                    return;
                }
                m_attempted << write;
                restoreNext();
            };
            if (write.previousVersion == 0) {
                // The key did not exist before: what we wrote is destroyed, not left readable.
                connect(client->destroyVersions(write.sink.path, {now}), &VaultOperation::finished, this, done);
                return;
            }
            VaultOperation *earlier = client->readSecret(write.sink.path, write.sink.field, write.previousVersion);
            connect(earlier, &VaultOperation::finished, this, [this, client, write, now, done](VaultOperation *read) {
                if (!read->ok()) {
                    client->deleteLater();
                    finish(read->error());
                    return;
                }
                const SecretBytes value = read->version().value;
                connect(client->writeSecret(write.sink.path, write.sink.field, value, now), &VaultOperation::finished,
                    this, done);
            });
        });
    });
}

void SinkWriter::finish(const ApiError &error)
{
    m_value.clear();
    if (m_done)
        m_done(error, m_attempted);
    m_done = nullptr;
    deleteLater();
}
