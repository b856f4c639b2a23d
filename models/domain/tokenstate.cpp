// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenstate.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QString TokenStateInfo::id(TokenState state)
{
    switch (state) {
    case TokenState::Active:
        return u"active"_s;
    case TokenState::Rotating:
        return u"rotating"_s;
    case TokenState::RotationFailed:
        return u"rotation-failed"_s;
    case TokenState::Disabled:
        return u"disabled"_s;
    case TokenState::Revoked:
        return u"revoked"_s;
    case TokenState::Expired:
        return u"expired"_s;
    }
    return {};
}

QString TokenStateInfo::label(TokenState state)
{
    switch (state) {
    case TokenState::Active:
        return QCoreApplication::translate("TokenState", "Active");
    case TokenState::Rotating:
        return QCoreApplication::translate("TokenState", "Rotating");
    case TokenState::RotationFailed:
        return QCoreApplication::translate("TokenState", "Rotation failed");
    case TokenState::Disabled:
        return QCoreApplication::translate("TokenState", "Disabled");
    case TokenState::Revoked:
        return QCoreApplication::translate("TokenState", "Revoked");
    case TokenState::Expired:
        return QCoreApplication::translate("TokenState", "Expired");
    }
    return {};
}

std::optional<TokenState> TokenStateInfo::fromId(const QString &id)
{
    for (TokenState state : all()) {
        if (TokenStateInfo::id(state) == id)
            return state;
    }
    return std::nullopt;
}

QList<TokenState> TokenStateInfo::all()
{
    return {TokenState::Active, TokenState::Rotating, TokenState::RotationFailed, TokenState::Disabled,
        TokenState::Revoked, TokenState::Expired};
}

QString TokenStateInfo::id(VersionState state)
{
    switch (state) {
    case VersionState::Pending:
        return u"pending"_s;
    case VersionState::Current:
        return u"current"_s;
    case VersionState::Grace:
        return u"grace"_s;
    case VersionState::Revoked:
        return u"revoked"_s;
    case VersionState::Destroyed:
        return u"destroyed"_s;
    case VersionState::Expired:
        return u"expired"_s;
    }
    return {};
}

QString TokenStateInfo::label(VersionState state)
{
    switch (state) {
    case VersionState::Pending:
        return QCoreApplication::translate("VersionState", "Pending");
    case VersionState::Current:
        return QCoreApplication::translate("VersionState", "Current");
    case VersionState::Grace:
        return QCoreApplication::translate("VersionState", "Grace");
    case VersionState::Revoked:
        return QCoreApplication::translate("VersionState", "Revoked");
    case VersionState::Destroyed:
        return QCoreApplication::translate("VersionState", "Destroyed");
    case VersionState::Expired:
        return QCoreApplication::translate("VersionState", "Expired");
    }
    return {};
}

std::optional<VersionState> TokenStateInfo::versionStateFromId(const QString &id)
{
    for (VersionState state : {VersionState::Pending, VersionState::Current, VersionState::Grace, VersionState::Revoked,
             VersionState::Destroyed, VersionState::Expired}) {
        if (TokenStateInfo::id(state) == id)
            return state;
    }
    return std::nullopt;
}
