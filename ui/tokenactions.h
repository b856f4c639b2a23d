// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "emergencyrevocation.h"

#include <QObject>
#include <QPointer>

#include <functional>

class AppContext;
class QAction;
class QWidget;
class RevocationReportDialog;
class RotationProgressDialog;
struct Rotation;

// The main window's token actions. Rotate Now (Ctrl+R) opens the step-by-step progress of the
// selected tokens; Plan (Ctrl+Shift+R) shows the dry run of their rotation and of their emergency
// revocation. Emergency Revoke exists for the selection (Ctrl+Shift+Del), the selected account and
// the whole workspace: one confirmation lists exactly what will be revoked and what stays valid
// and until when (Cancel is the default), then the report shows progress and each token's outcome
// with "Retry Failed". Nothing here waits: dialogs are opened with open(), results arrive by signal.
class TokenActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenActions)

public:
    using SelectedTokens = std::function<QList<qint64>()>;
    using SelectedAccount = std::function<qint64()>; // 0 = none
    using Status = std::function<void(const QString &)>;

    TokenActions(AppContext *context, QWidget *window, SelectedTokens selected, Status status);

    void setSelectedAccount(SelectedAccount account) { m_account = std::move(account); }
    void setClipboardClearSeconds(std::function<int()> seconds) { m_clipboardSeconds = std::move(seconds); }

    QAction *rotateAction() const { return m_rotate; }
    QAction *planAction() const { return m_plan; }
    QAction *revokeAction() const { return m_revoke; }
    QAction *revokeAccountAction() const { return m_revokeAccount; }
    QAction *revokeAllAction() const { return m_revokeAll; }
    // Enables the actions for the current selection.
    void selectionChanged();

    void rotate(const QList<qint64> &tokenIds);
    void confirmRevocation(const QList<qint64> &tokenIds, const QString &scope);

private:
    void showPlan();
    void showReport(EmergencyRevocation *revocation, const QString &scope);
    void onRotationFinished(const Rotation &rotation);

    AppContext *m_context;
    QWidget *m_window;
    SelectedTokens m_selected;
    SelectedAccount m_account;
    Status m_status;
    std::function<int()> m_clipboardSeconds;
    QAction *m_rotate;
    QAction *m_plan;
    QAction *m_revoke;
    QAction *m_revokeAccount;
    QAction *m_revokeAll;
    QPointer<RevocationReportDialog> m_report;
};
