// SPDX-License-Identifier: GPL-3.0-or-later
#include "bootstrap.h"
#include "cli/commandline.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    Bootstrap::hardenProcess();
    QCoreApplication app(argc, argv);
    Bootstrap::setApplicationIdentity();
    Bootstrap::installTranslations();
    QTextStream out(stdout);
    QTextStream err(stderr);
    CommandLine commandLine(out, err);
    const int code = commandLine.run(QCoreApplication::arguments());
    return code == CommandLine::Pending ? QCoreApplication::exec() : code;
}
