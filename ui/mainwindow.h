// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <memory>

struct Token;

class AccountListModel;
class AppContext;
class EmptyStateWidget;
class QLabel;
class QListView;
class QSplitter;
class QStackedWidget;
class QTableView;
class RefreshRound;
class TokenBadgeDelegate;
class TokenTableLoader;
class TokenDetailsPanel;
class TokenFilterBar;
class TimelineModel;
class TokenSortFilterModel;
class TrayNotifier;
class QDockWidget;
class TokenTableModel;
class WorkspaceStore;

// The main window: accounts with their health and due counts on the left, the filtered and
// sortable token table in the middle (or a friendly empty state that says what to do next), and
// the selected token's versions, policy, notes and history on the right. Every action is in a
// menu, most in the toolbar, each with a shortcut; Emergency Revoke is red. Window geometry,
// splitters, columns, sort and filters survive restarts.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // Workspaces with more tokens are read on a worker thread, so the window never freezes.
    static constexpr int SynchronousLoadLimit = 5000;

    explicit MainWindow(AppContext *context, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showAddAccountDialog();
    // Re-reads the tokens of every account that can list them; results go to the status bar.
    void refreshAll();
    void showStatus(const QString &message);
    // Selects and shows one token, clearing filters that would hide it (timeline, notifications).
    void selectToken(qint64 tokenId);
    QList<qint64> selectedTokenIds() const;
    // With a tray icon (and the setting on), closing the window hides it to the tray.
    void setTrayNotifier(TrayNotifier *notifier);
    QAction *quitAction() const { return m_quitAction; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createTimelineDock();
    void onLoaded(const QString &error);
    QWidget *createAccountPane();
    QWidget *createTokenPane();
    void updateContentPage();
    void updateFailedTokens();
    void restoreState();
    void saveState() const;
    void onCurrentTokenChanged();
    void editPolicy(const QList<qint64> &tokenIds);
    void showAuditLog();
    void showSettings();
    qint64 selectedAccountId() const;

    AppContext *m_context;
    WorkspaceStore *m_store;
    TokenTableModel *m_tokenModel;
    TokenSortFilterModel *m_proxy;
    AccountListModel *m_accountModel;
    TokenBadgeDelegate *m_badges;
    TokenTableLoader *m_loader;
    RefreshRound *m_refresh;
    QSplitter *m_splitter = nullptr;
    QListView *m_accountList = nullptr;
    TokenFilterBar *m_filters = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
    QTableView *m_tokenTable = nullptr;
    TokenDetailsPanel *m_details = nullptr;
    QLabel *m_countLabel;
    class TokenActions *m_tokenActions = nullptr;
    QAction *m_addAccountAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_editPolicyAction = nullptr;
    QAction *m_auditLogAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QPointer<QWidget> m_auditLog;
    TimelineModel *m_timelineModel = nullptr;
    QDockWidget *m_timelineDock = nullptr;
    QPointer<TrayNotifier> m_tray;
    bool m_quitting = false;
    QList<Token> m_initialTokens; // only while the constructor builds the models
};
