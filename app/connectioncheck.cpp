// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectioncheck.h"

#include "core/provider.h"
#include "core/provideroperation.h"
#include "providerfactory.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

namespace {

QString successMessage(const Account &account, const ProviderOperation &operation, qint64 elapsedMs)
{
    QString message = ConnectionCheck::tr("Connected to %1 at %2 in %3 ms.")
                          .arg(ProviderKindInfo::displayName(account.kind), account.baseUrl.host())
                          .arg(elapsedMs);
    if (!operation.tokens().isEmpty()) {
        const RemoteToken &self = operation.tokens().constFirst();
        if (!self.name.isEmpty())
            message += u' ' + ConnectionCheck::tr("The credential is “%1”.").arg(self.name);
        if (!self.scopes.isEmpty())
            message += u' ' + ConnectionCheck::tr("Scopes: %1.").arg(self.scopes.join(QStringLiteral(", ")));
    }
    return message;
}

} // namespace

void ConnectionCheck::run(
    const ProviderFactory &providers, const Account &account, SecretBytes credential, QObject *context, Done done)
{
    Provider *provider = providers.create(account, std::move(credential), nullptr);
    if (!provider) {
        const QString message = ConnectionCheck::tr("TokenDesk cannot test %1 accounts.")
                                    .arg(ProviderKindInfo::displayName(account.kind));
        // Answer from the event loop, as every other outcome does.
        QTimer::singleShot(0, context, [done, message] { done(false, message); });
        return;
    }
    QElapsedTimer elapsed;
    elapsed.start();
    ProviderOperation *operation = provider->testConnection();
    QObject::connect(operation, &ProviderOperation::finished, provider,
        [provider, account, elapsed, done, guard = QPointer<QObject>(context)](ProviderOperation *finished) {
            provider->deleteLater();
            if (!guard)
                return;
            if (finished->ok())
                done(true, successMessage(account, *finished, elapsed.elapsed()));
            else
                done(false, finished->error().toString());
        });
}
