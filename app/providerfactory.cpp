// SPDX-License-Identifier: GPL-3.0-or-later
#include "providerfactory.h"

#include "dynatrace/dynatraceprovider.h"
#include "glean/gleanprovider.h"
#include "pangea/pangeaprovider.h"
#include "piiano/piianoprovider.h"

#include <QCoreApplication>

#include <memory>

ProviderFactory::ProviderFactory(HttpClient *http, const Clock &clock)
    : m_http(http)
    , m_clock(clock)
{ }

Provider *ProviderFactory::create(const Account &account, SecretBytes credential, QObject *parent) const
{
    switch (account.kind) {
    case ProviderKind::Dynatrace:
        return new DynatraceProvider(account, std::move(credential), m_http, m_clock, parent);
    case ProviderKind::PiianoVault:
        return new PiianoProvider(account, std::move(credential), m_http, m_clock, parent);
    case ProviderKind::PangeaVault:
        return new PangeaProvider(account, std::move(credential), m_http, m_clock, parent);
    case ProviderKind::Glean:
        return new GleanProvider(account, std::move(credential), m_http, m_clock, parent);
    case ProviderKind::VaultKv:
        break;
    }
    return nullptr;
}

ProviderCapabilities ProviderFactory::capabilities(const Account &account) const
{
    std::unique_ptr<Provider> provider(create(account, {}, nullptr));
    if (provider)
        return provider->capabilities();
    ProviderCapabilities sink;
    sink.limitations << QCoreApplication::translate("ProviderFactory",
        "HashiCorp Vault KV stores the new secrets of other tokens; it has no tokens of its own to rotate.");
    return sink;
}
