// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

// Lifecycle states of a token as a whole and of one of its versions, with stable ids for the
// workspace and translated labels for people.
enum class TokenState {
    Active,
    Rotating,
    RotationFailed,
    Disabled,
    Revoked,
    Expired,
};

enum class VersionState {
    Pending,
    Current,
    Grace,
    Revoked,
    Destroyed,
    Expired,
};

class TokenStateInfo final
{
public:
    static QString id(TokenState state);
    static QString label(TokenState state);
    static std::optional<TokenState> fromId(const QString &id);
    static QList<TokenState> all();

    static QString id(VersionState state);
    static QString label(VersionState state);
    static std::optional<VersionState> versionStateFromId(const QString &id);
};

Q_DECLARE_METATYPE(TokenState)
Q_DECLARE_METATYPE(VersionState)
