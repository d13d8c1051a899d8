// 功能区命令。目前唯一的按钮「绩效自评」直接打开任务窗格（manifest 中的 ShowTaskpane），
// 不需要执行函数；以后新增 ExecuteFunction 按钮时在这里用 Office.actions.associate 注册。
// 共享运行时下本文件也被打包进 taskpane.html，所以在没有 Office 的普通浏览器里也不能报错。
if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    // Nothing to register yet.
  });
}
