// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/httpanswer.h"
#include "core/parsed.h"
#include "core/remotetoken.h"
#include "core/rotationresult.h"
#include "domain/policyduration.h"
#include "pangeareply.h"

#include <QCoreApplication>
#include <QJsonObject>

// Turns Pangea Vault answers into TokenDesk values; pure functions, no network (PangeaRequests
// builds the request bodies). Every answer is the envelope {request_id, request_time,
// response_time, status, summary, result}: success is status "Success" whatever the HTTP status,
// "Accepted" (HTTP 202) means "poll the request id", anything else is a Provider error whose code
// is the status and whose message carries summary and validation details.
//
// Version states (item_versions[].state) map to VersionState as follows:
//   active       -> Current for the highest active version, Grace for older active ones (superseded
//                   but still accepted);
//   any other    -> Grace while its destroyed_at lies after the answer's response_time: Pangea
//                   marks the old version right at rotation but keeps the token working for the
//                   grace period, until destroyed_at (compared with Pangea's own clock, so the
//                   parser needs none);
//   deactivated, suspended, compromised -> Revoked (no longer accepted; a state change can bring
//                   deactivated and suspended ones back);
//   destroyed    -> Destroyed.
// An unknown state is Malformed. providerState keeps Pangea's own word.
class PangeaParser final
{
    Q_DECLARE_TR_FUNCTIONS(PangeaParser)

public:
    // The `result` object of a Success answer; the other parsers build on this.
    static PangeaReply<QJsonObject> parseEnvelope(const HttpAnswer &answer);
    // POST /v2/list: items of type pangea_token (others are skipped), cursor `last` as nextPage.
    static PangeaReply<RemoteTokenPage> parseList(const HttpAnswer &answer);
    // POST /v2/get, /v2/update, /v2/state/change: one pangea_token item with its versions.
    static PangeaReply<RemoteToken> parseItem(const HttpAnswer &answer);
    // POST /v2/secret/rotate: the new secret is the `token` of the highest active version;
    // oldValidUntil is the previous version's destroyed_at, else the new version's created_at plus
    // the item's rotation_grace_period, else invalid (until revoked).
    static PangeaReply<RotationResult> parseRotate(const HttpAnswer &answer);
    // POST /v1/secret/rotate (legacy): {id, version, type, secret}.
    static PangeaReply<RotationResult> parseRotateV1(const HttpAnswer &answer);

    // rotation_frequency / rotation_grace_period: "10d", "2M", "44h", "1year", ... through
    // PolicyParser; "never", "inherited" and "" give a null duration without error.
    static Parsed<PolicyDuration> parseDuration(const QString &text);
};
