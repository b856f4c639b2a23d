// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/secretbytes.h"

#include <QJsonObject>

// Builds a JSON request body that carries a secret (Vault's KV write, Dynatrace's lookup) without
// the secret passing through QJsonValue, whose copies nobody scrubs. Callers build the body with
// placeholder() where the secret goes; render() writes the compact JSON into one buffer sized in
// advance (so no reallocation leaves a stray copy) and returns it as SecretBytes.
class SecretJson final
{
public:
    static QString placeholder();
    // Empty when the secret is not valid UTF-8 (JSON cannot carry it) or when the placeholder is
    // not in `skeleton` exactly once; callers refuse to send an empty body.
    static SecretBytes render(const QJsonObject &skeleton, const SecretBytes &secret);
    static bool isValidUtf8(QByteArrayView bytes);
};
