// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretjob.h"
#include "secretstore.h"

// The null SecretStore, used when no keychain can be used at all (for example a build without
// keychain support, or a platform TokenDesk does not support). Every job finishes, from the
// event loop like any other, with SecretJob::Error::NoBackend and the reason given here as its
// errorString(), so the UI shows why instead of failing silently.
class UnavailableSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnavailableSecretStore)

public:
    explicit UnavailableSecretStore(QString reason, QObject *parent = nullptr);
    ~UnavailableSecretStore() override;

    QString reason() const { return m_reason; }

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const SecretBytes &value) override;
    SecretJob *remove(const QString &key) override;
    QString backendName() const override;

private:
    SecretJob *refuse(SecretJob::Operation operation, const QString &key);

    QString m_reason;
};
