// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/httpanswer.h"
#include "core/remotetoken.h"
#include "pangeareply.h"

#include <QCoreApplication>

// Reads the answer of Pangea's legacy POST /v1/get, which older deployments serve instead of
// /v2/get: {id, type, item_state, current_version {version, state, created_at, destroy_at, secret},
// versions[] (with verbose), rotation_*, last_rotated, next_rotation, expiration}. Pure, no network;
// version states map as PangeaParser documents, and secret values are never read.
class PangeaLegacyParser final
{
    Q_DECLARE_TR_FUNCTIONS(PangeaLegacyParser)

public:
    static PangeaReply<RemoteToken> parseItem(const HttpAnswer &answer);
};
