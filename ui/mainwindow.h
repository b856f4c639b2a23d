// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QSet>
#include <QStringList>

struct ApiError;

class AccountDialog;
class AppContext;
class EmptyStateWidget;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;
class TokenSortFilterModel;
class TokenTableModel;
class WorkspaceStore;

// The main window: the workspace's tokens in a searchable, sortable table, or a friendly
// empty state that says what to do next; Refresh re-reads every account from its provider.
// Window geometry and the table's columns and sort survive restarts.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(AppContext *context, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showAddAccountDialog();
    // Re-reads the tokens of every account that can list them; results go to the status bar.
    void refreshAll();
    void showStatus(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createFilterBar();
    void updateContentPage();
    void applyFilters();
    void restoreState();
    void saveState() const;
    void onRefreshFinished(qint64 accountId, int tokenCount, const ApiError &error);

    AppContext *m_context;
    WorkspaceStore *m_store;
    QAction *m_refreshAction = nullptr;
    class TokenActions *m_tokenActions = nullptr;
    QSet<qint64> m_refreshing;
    QStringList m_refreshProblems;
    int m_refreshedTokens = 0;
    TokenTableModel *m_tokenModel;
    TokenSortFilterModel *m_proxy;
    QStackedWidget *m_stack;
    EmptyStateWidget *m_emptyState;
    QTableView *m_tokenTable;
    QLineEdit *m_searchEdit = nullptr;
    QComboBox *m_providerFilter = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QLabel *m_countLabel;
};
