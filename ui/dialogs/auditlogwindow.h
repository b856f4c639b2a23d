// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditexport.h"

#include <QWidget>

class AppContext;
class AuditFilterModel;
class AuditLogModel;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

// The audit trail for an administrator answering "who did what, when, and did it work": every
// event of the workspace, live, narrowed by time, account, token, action and outcome, exported as
// shown to CSV or JSON, with the hash chain's verdict in plain sight so a tampered log cannot go
// unnoticed. A top-level window (Qt::Window) so it can stay open beside the main window; the
// caller decides whether it is deleted on close. The chain is verified after the window shows and
// again after new events (coalesced), never on the constructor's path.
class AuditLogWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogWindow)

public:
    explicit AuditLogWindow(AppContext *context, QWidget *parent = nullptr);
    ~AuditLogWindow() override;

    // Writes the events that pass the filters, oldest first, through a QSaveFile: on failure the
    // window says why and the target is left as it was (no file, or the previous one). The file
    // dialog of the Export buttons ends here.
    bool exportTo(const QString &path, AuditExport::Format format);

Q_SIGNALS:
    void chainVerified(bool intact);
    void exported(const QString &path, int eventCount);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *createFilterBar();
    QWidget *createExportBar();
    void noteEvents(int first, int last);
    void applyFilters();
    void clearFilters();
    void updateCounts();
    void scheduleVerification(int delayMs);
    void verifyChain();
    void updateAlarmStyles();
    void chooseExportFile(AuditExport::Format format);
    void showExportMessage(const QString &text, bool problem);
    void restoreState();
    void saveState() const;

    AppContext *m_context;
    AuditLogModel *m_model;
    AuditFilterModel *m_proxy;
    QTimer *m_verifyTimer;
    QLabel *m_chainStatus;
    QPushButton *m_verifyButton;
    QCheckBox *m_fromCheck = nullptr;
    QDateTimeEdit *m_fromEdit = nullptr;
    QCheckBox *m_toCheck = nullptr;
    QDateTimeEdit *m_toEdit = nullptr;
    QComboBox *m_accountFilter = nullptr;
    QLineEdit *m_tokenSearch = nullptr;
    QComboBox *m_actionFilter = nullptr;
    QComboBox *m_outcomeFilter = nullptr;
    QTableView *m_table;
    QLabel *m_countLabel = nullptr;
    QLabel *m_exportScope = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportJson = nullptr;
    QLabel *m_exportMessage;
    bool m_chainBroken = false;
    bool m_exportFailed = false;
    bool m_followTail = false;
};
