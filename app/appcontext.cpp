// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontext.h"

#include "http/httpclient.h"
#include "rotationengine.h"
#include "secretcustody.h"
#include "workspacesync.h"

#include <QNetworkAccessManager>

AppContext::AppContext(WorkspaceStore *store, SecretStore *secrets, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
    , m_http(new HttpClient(m_network, this))
    , m_providers(m_http, clock)
    , m_custody(new SecretCustody(store, secrets, this))
    , m_sync(new WorkspaceSync(
          store, secrets,
          [this](const Account &account, SecretBytes credential, QObject *owner) {
              return m_providers.create(account, std::move(credential), owner);
          },
          this))
    , m_engine(new RotationEngine(this, this))
{ }

AppContext::~AppContext() = default;
