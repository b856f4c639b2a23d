// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/secretstore.h"

#include <QElapsedTimer>

// A SecretStore that forwards every call to another one and measures it: how many operations of
// each kind were made, their mean latency, and how long at least one of them was in flight (the
// keychain's busy time). The rotation benchmark takes its keychain floor from these figures,
// measured during the very run it compares against, because gnome-keyring's cost per operation
// grows with the number of items it holds. Tests use it to count the keychain reads a job makes.
class TimedSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimedSecretStore)

public:
    struct Figures
    {
        int reads = 0;
        int writes = 0;
        int removes = 0;
        qint64 latencyNs = 0; // summed over all operations, overlaps counted twice
        qint64 busyNs = 0; // time with at least one operation in flight

        int operations() const { return reads + writes + removes; }
    };

    explicit TimedSecretStore(SecretStore *inner, QObject *parent = nullptr);

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const SecretBytes &value) override;
    SecretJob *remove(const QString &key) override;
    QString backendName() const override;

    Figures figures() const { return m_figures; }
    void resetFigures() { m_figures = {}; }

private:
    SecretJob *track(SecretJob *job, int Figures::*counter);

    SecretStore *m_inner;
    QElapsedTimer m_clock;
    Figures m_figures;
    int m_inFlight = 0;
    qint64 m_busySince = 0;
};
