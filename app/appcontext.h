// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providerfactory.h"

#include <QObject>

class Clock;
class HttpClient;
class QNetworkAccessManager;
class RotationEngine;
class SecretCustody;
class SecretStore;
class WorkspaceStore;
class WorkspaceSync;

// The application's long-lived services, wired once: the one QNetworkAccessManager and the
// HttpClient over it, the provider factory, secret custody and workspace refresh. The GUI and
// the tests build one over an open workspace and a SecretStore; windows only borrow from it.
// The rotation engine is here too, so the windows and the scheduler share its limits.
class AppContext final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppContext)

public:
    AppContext(WorkspaceStore *store, SecretStore *secrets, const Clock &clock, QObject *parent = nullptr);
    ~AppContext() override;

    WorkspaceStore *store() const { return m_store; }
    SecretStore *secrets() const { return m_secrets; }
    const Clock &clock() const { return m_clock; }
    HttpClient *http() const { return m_http; }
    const ProviderFactory &providers() const { return m_providers; }
    SecretCustody *custody() const { return m_custody; }
    WorkspaceSync *sync() const { return m_sync; }
    RotationEngine *engine() const { return m_engine; }

private:
    WorkspaceStore *m_store;
    SecretStore *m_secrets;
    const Clock &m_clock;
    QNetworkAccessManager *m_network;
    HttpClient *m_http;
    ProviderFactory m_providers;
    SecretCustody *m_custody;
    WorkspaceSync *m_sync;
    RotationEngine *m_engine;
};
