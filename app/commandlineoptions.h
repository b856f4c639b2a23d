// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QString>

class QCommandLineParser;

// The options both executables share (--workspace PATH, --version, --help), so the GUI and
// the command line open the same workspace the same way.
class CommandLineOptions final
{
public:
    explicit CommandLineOptions(QCommandLineParser &parser);

    // The workspace to open: --workspace PATH, else the embedded default in the data folder.
    QString workspacePath() const;
    bool isWorkspaceSet() const;

private:
    QCommandLineParser &m_parser;
    QCommandLineOption m_workspace;
};
