// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

// What the main window shows while the workspace has no tokens: what this window is for and
// the one next step (add a provider account), so a new user is never left at a blank table.
class EmptyStateWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyStateWidget)

public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);
    void setAccountCount(int accounts);

Q_SIGNALS:
    void addAccountRequested();

private:
    QLabel *m_title;
    QLabel *m_body;
    QPushButton *m_addAccountButton;
};
