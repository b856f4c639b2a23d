// SPDX-License-Identifier: GPL-3.0-or-later
#include "rotation.h"

#include <QCoreApplication>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

// Stored in the workspace: never rename an id that has shipped.
const std::array<std::pair<Rotation::Step, const char16_t *>, 9> StepIds {{
    {Rotation::Step::Reserve, u"reserve"},
    {Rotation::Step::Create, u"create"},
    {Rotation::Step::Store, u"store"},
    {Rotation::Step::Sink, u"sink"},
    {Rotation::Step::Verify, u"verify"},
    {Rotation::Step::Promote, u"promote"},
    {Rotation::Step::RevokeOld, u"revoke-old"},
    {Rotation::Step::DeleteOld, u"delete-old"},
    {Rotation::Step::Done, u"done"},
}};

const std::array<std::pair<Rotation::Status, const char16_t *>, 6> StatusIds {{
    {Rotation::Status::Running, u"running"},
    {Rotation::Status::Waiting, u"waiting"},
    {Rotation::Status::Compensating, u"compensating"},
    {Rotation::Status::Done, u"done"},
    {Rotation::Status::Failed, u"failed"},
    {Rotation::Status::Compensated, u"compensated"},
}};

template<typename Enum, std::size_t N>
QString idOf(const std::array<std::pair<Enum, const char16_t *>, N> &table, Enum value)
{
    for (const auto &[candidate, id] : table) {
        if (candidate == value)
            return QString::fromUtf16(id);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char16_t *>, N> &table, const QString &id)
{
    for (const auto &[candidate, text] : table) {
        if (id == QStringView(text))
            return candidate;
    }
    return std::nullopt;
}

} // namespace

QString Rotation::stepId(Step step)
{
    return idOf(StepIds, step);
}

std::optional<Rotation::Step> Rotation::stepFromId(const QString &id)
{
    return valueOf(StepIds, id);
}

QString Rotation::stepLabel(Step step)
{
    switch (step) {
    case Step::Reserve:
        return QCoreApplication::translate("Rotation", "Check keychain");
    case Step::Create:
        return QCoreApplication::translate("Rotation", "Create");
    case Step::Store:
        return QCoreApplication::translate("Rotation", "Store");
    case Step::Sink:
        return QCoreApplication::translate("Rotation", "Write to Vault");
    case Step::Verify:
        return QCoreApplication::translate("Rotation", "Verify");
    case Step::Promote:
        return QCoreApplication::translate("Rotation", "Promote");
    case Step::RevokeOld:
        return QCoreApplication::translate("Rotation", "Revoke old");
    case Step::DeleteOld:
        return QCoreApplication::translate("Rotation", "Delete old");
    case Step::Done:
        return QCoreApplication::translate("Rotation", "Done");
    }
    return {};
}

QString Rotation::statusId(Status status)
{
    return idOf(StatusIds, status);
}

std::optional<Rotation::Status> Rotation::statusFromId(const QString &id)
{
    return valueOf(StatusIds, id);
}
