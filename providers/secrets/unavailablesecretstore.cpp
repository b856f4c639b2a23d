// SPDX-License-Identifier: GPL-3.0-or-later
#include "unavailablesecretstore.h"

UnavailableSecretStore::UnavailableSecretStore(QString reason, QObject *parent)
    : SecretStore(parent)
    , m_reason(std::move(reason))
{ }

UnavailableSecretStore::~UnavailableSecretStore() = default;

SecretJob *UnavailableSecretStore::read(const QString &key)
{
    return refuse(SecretJob::Operation::Read, key);
}

SecretJob *UnavailableSecretStore::write(const QString &key, const SecretBytes &value)
{
    Q_UNUSED(value)
    return refuse(SecretJob::Operation::Write, key);
}

SecretJob *UnavailableSecretStore::remove(const QString &key)
{
    return refuse(SecretJob::Operation::Remove, key);
}

QString UnavailableSecretStore::backendName() const
{
    return tr("No keychain");
}

SecretJob *UnavailableSecretStore::refuse(SecretJob::Operation operation, const QString &key)
{
    auto *job = new SecretJob(operation, key, this);
    // SecretJob emits finished() from the event loop, so the caller can still connect to it.
    job->finishWithError(SecretJob::Error::NoBackend,
        m_reason.isEmpty() ? SecretJob::describe(SecretJob::Error::NoBackend, key) : m_reason);
    return job;
}
