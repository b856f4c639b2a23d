// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emergencyrevocation.h"

#include <QObject>
#include <QPointer>

#include <functional>

class AppContext;
class QAction;
class QMessageBox;
class QWidget;
struct Rotation;

// The main window's token actions on the selected tokens: Rotate Now (Ctrl+R) hands them to
// the rotation engine and reports each outcome; Emergency Revoke (Ctrl+Shift+Del) first shows
// one confirmation that lists exactly what will be revoked and what stays valid and until when,
// then revokes and shows the per-token report with "Retry Failed". Nothing here waits: dialogs
// are opened with open(), results arrive by signal.
class TokenActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenActions)

public:
    using SelectedTokens = std::function<QList<qint64>()>;
    using Status = std::function<void(const QString &)>;

    TokenActions(AppContext *context, QWidget *window, SelectedTokens selected, Status status);

    QAction *rotateAction() const { return m_rotate; }
    QAction *revokeAction() const { return m_revoke; }
    // Enables the actions for the current selection.
    void selectionChanged();

private:
    void rotateSelected();
    void confirmRevocation();
    void showReport(EmergencyRevocation *revocation);
    void onRotationFinished(const Rotation &rotation);

    AppContext *m_context;
    QWidget *m_window;
    SelectedTokens m_selected;
    Status m_status;
    QAction *m_rotate;
    QAction *m_revoke;
    QPointer<QMessageBox> m_report;
};
