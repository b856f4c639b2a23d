// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandlineoptions.h"

#include "store/workspacestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

CommandLineOptions::CommandLineOptions(QCommandLineParser &parser)
    : m_parser(parser)
    , m_workspace(QStringList {u"w"_s, u"workspace"_s},
          QCoreApplication::translate("CommandLineOptions", "Open the workspace file PATH instead of the default."),
          u"PATH"_s)
{
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOption(m_workspace);
}

QString CommandLineOptions::workspacePath() const
{
    const QString path = m_parser.value(m_workspace);
    return path.isEmpty() ? WorkspaceStore::defaultPath() : path;
}

bool CommandLineOptions::isWorkspaceSet() const
{
    return m_parser.isSet(m_workspace);
}
