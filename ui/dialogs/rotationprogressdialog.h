// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QHash>
#include <QSet>

class AppContext;
class ClipboardGuard;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
struct Rotation;

// Rotate Now for one token or a selection: each token's row shows its steps (create, store,
// verify, promote) as they happen and ends with its result in place, a failure with the
// provider's own message. The overall bar counts finished tokens; Cancel withdraws the tokens
// that have not started (those under way finish safely: a rotation is never cut mid-step).
// "Retry Failed" rotates the failed ones again. A rotated token's new secret can be copied once:
// it is read from the keychain, never shown, and cleared from the clipboard after a timeout.
class RotationProgressDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RotationProgressDialog)

public:
    RotationProgressDialog(AppContext *context, const QList<qint64> &tokenIds, QWidget *parent = nullptr);
    ~RotationProgressDialog() override;

    void setClipboardClearSeconds(int seconds) { m_clipboardSeconds = seconds; }
    int finishedCount() const { return m_finished; }
    int failedCount() const;

Q_SIGNALS:
    void allFinished(int rotated, int failed, int cancelled);

private:
    enum class RowState {
        Queued,
        Running,
        Rotated,
        Failed,
        Cancelled,
    };
    struct Row
    {
        QTreeWidgetItem *item = nullptr;
        RowState state = RowState::Queued;
        int newVersion = 0;
        bool copied = false;
    };

    void start(const QList<qint64> &tokenIds);
    void onProgressed(const Rotation &rotation);
    void onFinished(const Rotation &rotation);
    void setRowState(qint64 tokenId, RowState state, const QString &step, const QString &result);
    void cancelRemaining();
    void retryFailed();
    void copySelectedSecret();
    void updateButtons();

    AppContext *m_context;
    QTreeWidget *m_list;
    QProgressBar *m_overall;
    QLabel *m_summary;
    QLabel *m_clipboardStatus;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_copy;
    QPushButton *m_close;
    ClipboardGuard *m_clipboard;
    QHash<qint64, Row> m_rows;
    QSet<qint64> m_resumed; // retried by resuming their open rotation
    int m_total = 0;
    int m_finished = 0;
    int m_clipboardSeconds = 30;
    bool m_reading = false;
};
