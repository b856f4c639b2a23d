// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class AppContext;
class AuditLogModel;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class VersionTableModel;

// The selected token in full, beside the table: what it is and what its provider allows, its
// version history (state, created, grace end, revoke-at, delete-at), its rotation policy with the
// next due time, the consumer notes (which applications use it; saved as you type) and its own
// audit events. The tab shown and the tables' columns persist between sessions.
class TokenDetailsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenDetailsPanel)

public:
    explicit TokenDetailsPanel(AppContext *context, QWidget *parent = nullptr);
    ~TokenDetailsPanel() override;

    // 0 shows the "nothing selected" page.
    void setTokenId(qint64 tokenId);
    qint64 tokenId() const { return m_tokenId; }
    void saveState() const;

Q_SIGNALS:
    void editPolicyRequested(qint64 tokenId);

private:
    void showToken();
    void saveNotes();

    AppContext *m_context;
    qint64 m_tokenId = 0;
    VersionTableModel *m_versions;
    AuditLogModel *m_audit;
    QStackedWidget *m_pages;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_capabilities;
    QTabWidget *m_tabs;
    QTableView *m_versionTable;
    QLabel *m_policyText;
    QPushButton *m_editPolicy;
    QPlainTextEdit *m_notes;
    QLabel *m_notesStatus;
    QTimer *m_notesTimer;
    QTableView *m_auditTable;
};
