// SPDX-License-Identifier: GPL-3.0-or-later
#include "timedsecretstore.h"

#include "secrets/secretjob.h"

TimedSecretStore::TimedSecretStore(SecretStore *inner, QObject *parent)
    : SecretStore(parent)
    , m_inner(inner)
{
    m_clock.start();
}

SecretJob *TimedSecretStore::read(const QString &key)
{
    return track(m_inner->read(key), &Figures::reads);
}

SecretJob *TimedSecretStore::write(const QString &key, const SecretBytes &value)
{
    return track(m_inner->write(key, value), &Figures::writes);
}

SecretJob *TimedSecretStore::remove(const QString &key)
{
    return track(m_inner->remove(key), &Figures::removes);
}

QString TimedSecretStore::backendName() const
{
    return m_inner->backendName();
}

SecretJob *TimedSecretStore::track(SecretJob *job, int Figures::*counter)
{
    ++(m_figures.*counter);
    const qint64 started = m_clock.nsecsElapsed();
    if (m_inFlight++ == 0)
        m_busySince = started;
    // Connected before the caller's slot, so the caller's own work is not counted as keychain time.
    connect(job, &SecretJob::finished, this, [this, started](SecretJob *) {
        const qint64 now = m_clock.nsecsElapsed();
        m_figures.latencyNs += now - started;
        if (--m_inFlight == 0)
            m_figures.busyNs += now - m_busySince;
    });
    return job;
}
