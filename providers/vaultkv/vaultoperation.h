// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/apierror.h"
#include "vaultsecretmetadata.h"
#include "vaultsecretversion.h"

#include <QObject>

// One asynchronous VaultKvClient call (read, write, metadata, destroy, delete), which may take
// more than one HTTP exchange. It emits finished() exactly once, always from the event loop, then
// deletes itself; read the outcome in the slot. A read's version() holds the secret value, which
// is scrubbed when the operation goes away: copy it only as long as you need it.
class VaultOperation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VaultOperation)

public:
    explicit VaultOperation(QObject *parent = nullptr);

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    const ApiError &error() const { return m_error; }
    // Check-and-set failed: the key changed (or came into being) since the cas value was read.
    // Read the metadata again and write with its current_version.
    bool isCasMismatch() const;
    // Read and write: the version (with the value after a read). Metadata: empty.
    const VaultSecretVersion &version() const { return m_version; }
    const VaultSecretMetadata &metadata() const { return m_metadata; }
    // Vault's request ids, for the audit log.
    const QStringList &requestIds() const { return m_requestIds; }

    // Used by VaultKvClient while the operation runs.
    void noteRequestId(const QString &requestId);
    void finishWithVersion(VaultSecretVersion version);
    void finishWithMetadata(VaultSecretMetadata metadata);
    void finishOk();
    void finishWithError(ApiError error);

Q_SIGNALS:
    void finished(VaultOperation *operation);

private:
    void finish();

    bool m_finished = false;
    ApiError m_error;
    VaultSecretVersion m_version;
    VaultSecretMetadata m_metadata;
    QStringList m_requestIds;
};
