// SPDX-License-Identifier: GPL-3.0-or-later
#include "providerfactory.h"

#include "dynatrace/dynatraceprovider.h"
#include "glean/gleanprovider.h"
#include "pangea/pangeaprovider.h"
#include "piiano/piianoprovider.h"

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
