// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/policyduration.h"

#include <QByteArray>
#include <QString>

// Builds the JSON bodies of Pangea Vault calls (every call is a POST with a JSON body), compact
// and with keys in a stable order; pure functions. The answers are PangeaParser's.
class PangeaRequests final
{
public:
    // A duration as Pangea documents it: "30d", "44h", "2M", "15mins", "2weeks", "1years".
    static QString formatDuration(const PolicyDuration &duration);

    // {"id", "rotation_grace_period"?}: a null grace applies the item's own policy.
    static QByteArray rotateBody(const QString &id, const PolicyDuration &gracePeriod = {});
    // {"id", "rotation_frequency", "rotation_grace_period"?, "rotation_state"?}: a null frequency
    // sends "never" (no automatic rotation); a null grace and an empty rotationState
    // ("deactivated", "destroyed" or "inherited") leave Pangea's current values alone.
    static QByteArray updatePolicyBody(const QString &id, const PolicyDuration &frequency,
        const PolicyDuration &gracePeriod, const QString &rotationState = {});
    // {"filter": {"type": "pangea_token"}, "size", "last"?}; size is clamped to Pangea's 1..100.
    static QByteArray listBody(int size = 50, const QString &last = {});
    // {"id", "version"?}: "all", "3", "-1", "-2:"; an empty version asks for the current one.
    static QByteArray getBody(const QString &id, const QString &version = QStringLiteral("all"));
    // {"id", "state", "version"?}: version 0 means the latest.
    static QByteArray stateChangeBody(const QString &id, int version, const QString &state);
};
