// SPDX-License-Identifier: GPL-3.0-or-later
#include "vaultoperation.h"

#include "vaultkvparser.h"

#include <QTimer>

VaultOperation::VaultOperation(QObject *parent)
    : QObject(parent)
{ }

bool VaultOperation::isCasMismatch() const
{
    return m_error.isError() && m_error.providerCode == VaultKvParser::CasMismatchCode;
}

void VaultOperation::noteRequestId(const QString &requestId)
{
    if (!requestId.isEmpty() && !m_requestIds.contains(requestId))
        m_requestIds << requestId;
}

void VaultOperation::finishWithVersion(VaultSecretVersion version)
{
    if (m_finished)
        return;
    m_version = std::move(version);
    finish();
}

void VaultOperation::finishWithMetadata(VaultSecretMetadata metadata)
{
    if (m_finished)
        return;
    m_metadata = std::move(metadata);
    finish();
}

void VaultOperation::finishOk()
{
    finish();
}

void VaultOperation::finishWithError(ApiError error)
{
    if (m_finished)
        return;
    m_error = std::move(error);
    finish();
}

void VaultOperation::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    // Always from the event loop, so a caller that connects after starting the call never misses it.
    QTimer::singleShot(0, this, [this] {
        Q_EMIT finished(this);
        deleteLater();
    });
}
