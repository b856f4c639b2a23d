// SPDX-License-Identifier: GPL-3.0-or-later
#include "seedscriptrotation.h"

#include "core/provider.h"
#include "core/provideroperation.h"
#include "vaultkv/vaultkvclient.h"
#include "vaultkv/vaultoperation.h"

using namespace Qt::StringLiterals;

SeedScriptRotation::SeedScriptRotation(Provider *dynatrace, VaultKvClient *vault, QObject *parent)
    : QObject(parent)
    , m_dynatrace(dynatrace)
    , m_vault(vault)
{ }

void SeedScriptRotation::start(QStringList vaultPaths)
{
    m_paths = std::move(vaultPaths);
    m_next = 0;
    m_succeeded = 0;
    m_failed = 0;
    next();
}

void SeedScriptRotation::next()
{
    if (m_next == m_paths.size()) {
        Q_EMIT finished();
        return;
    }
    const QString path = m_paths.at(m_next++);
    VaultOperation *read = m_vault->readSecret(path, u"token"_s);
    connect(read, &VaultOperation::finished, this, [this, path](VaultOperation *stored) {
        if (!stored->ok())
            return fail();
        const int version = stored->version().version;
        ProviderOperation *lookup = m_dynatrace->lookupSecret(stored->version().value);
        connect(lookup, &ProviderOperation::finished, this, [this, path, version](ProviderOperation *found) {
            if (!found->ok() || found->tokens().isEmpty())
                return fail();
            const RemoteToken old = found->tokens().constFirst();
            RotateRequest request;
            request.name = old.name;
            request.scopes = old.scopes;
            ProviderOperation *create = m_dynatrace->rotate(request);
            connect(create, &ProviderOperation::finished, this, [this, path, version, old](ProviderOperation *made) {
                if (!made->ok())
                    return fail();
                VaultOperation *write = m_vault->writeSecret(path, u"token"_s, made->rotation().newSecret, version);
                connect(write, &VaultOperation::finished, this, [this, old](VaultOperation *written) {
                    if (!written->ok())
                        return fail();
                    ProviderOperation *remove = m_dynatrace->deleteToken(old.providerId);
                    connect(remove, &ProviderOperation::finished, this, [this](ProviderOperation *removed) {
                        if (!removed->ok())
                            return fail();
                        done();
                    });
                });
            });
        });
    });
}

void SeedScriptRotation::fail()
{
    ++m_failed;
    next();
}

void SeedScriptRotation::done()
{
    ++m_succeeded;
    next();
}
