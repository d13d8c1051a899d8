/*
 * 绩效自评助手 · 启动检查（taskpane.html 中第一个脚本，先于 office.js 和任务窗格程序运行）。
 *
 * 必须是纯 ES5（test/e2e/startup.e2e.test.ts 用 acorn 以 ecmaVersion 5 解析本文件）：它要在
 * Internet Explorer 11（Trident）和旧版 Edge（EdgeHTML）里运行，React 18 与 Fluent UI v9 在那里只会显示空白。
 * 不经 webpack 转译，原样复制到 dist/startup.js。
 *
 * 三种情况下在窗格里用中文说明发生了什么、该怎么办，而不是让窗格一直空白或转圈：
 *   1. 旧内核：用户代理含 Trident/ 或 MSIE（IE11）、Edge/nn（EdgeHTML）→ 立即显示；
 *   2. office.js 没加载到（单位网络不通微软 CDN、离线版文件缺失）→ 任务窗格程序发现后立即显示，
 *      或在超时（默认 20 秒）后仍没有 Office 对象时显示；
 *   3. office.js 已加载，但 Office 在超时内没有完成初始化（Office.onReady 不返回）→ 超时后显示。
 *
 * 任务窗格程序（src/taskpane/index.tsx）通过 window.JixiaoStartup 报告：started()（已显示界面）、
 * officeMissing()（没有 Office 对象）。测试可以在页面加载前设置 window.JIXIAO_STARTUP_TIMEOUT_MS。
 */
(function (window, document) {
  "use strict";

  var TIMEOUT_MS = typeof window.JIXIAO_STARTUP_TIMEOUT_MS === "number" ? window.JIXIAO_STARTUP_TIMEOUT_MS : 20000;
  var MESSAGE_ID = "jixiao-startup-message";

  /** Without the add-in: what every department can still do (the same words as README「没有加载项时」). */
  var WITHOUT_ADDIN =
    "暂时无法使用加载项时：请信息化部门用命令行 jixiao template 生成只用 Excel 内置公式的空白表格（任何版本的 Excel、WPS 都能计算），" +
    "填好后用 jixiao check 校验、jixiao report 生成自评报告。";

  /** "IE11" (Trident), "EdgeHTML" (Edge 12–18) or null (a current engine: WebView2, Safari/WebKit, Chrome, Firefox). */
  function oldEngine(userAgent) {
    if (/Trident\/|MSIE /.test(userAgent)) return "IE11";
    if (/ Edge\/\d+/.test(userAgent)) return "EdgeHTML";
    return null;
  }

  /** The office.js script element's address, as the browser resolved it. */
  function officeJsAddress() {
    var scripts = document.getElementsByTagName("script");
    for (var i = 0; i < scripts.length; i++) {
      var src = scripts[i].src || "";
      if (/\/office(\.debug)?\.js(\?|$)/.test(src)) return src;
    }
    return "";
  }

  function hostOf(address) {
    var m = /^[a-z]+:\/\/([^/?#]+)/i.exec(address);
    return m ? m[1] : "";
  }

  var state = { started: false, shown: null, timer: null };

  function show(kind, title, lines) {
    if (state.shown === kind) return;
    var old = document.getElementById(MESSAGE_ID);
    if (old && old.parentNode) old.parentNode.removeChild(old);
    state.shown = kind;

    var box = document.createElement("div");
    box.id = MESSAGE_ID;
    box.setAttribute("role", "alert");
    box.setAttribute("data-kind", kind);
    box.style.cssText =
      "font-family:'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif;font-size:14px;line-height:1.6;" +
      "color:#242424;background:#fff8e1;border-left:4px solid #c19c00;margin:12px;padding:12px 16px;" +
      "word-wrap:break-word;overflow-wrap:break-word;"; // long addresses wrap in a narrow pane (words stay whole)
    var h = document.createElement("h2");
    h.style.cssText = "font-size:16px;margin:0 0 8px 0;";
    h.appendChild(document.createTextNode(title));
    box.appendChild(h);
    for (var i = 0; i < lines.length; i++) {
      var p = document.createElement("p");
      p.style.cssText = "margin:6px 0;";
      p.appendChild(document.createTextNode(lines[i]));
      box.appendChild(p);
    }
    var parent = document.body || document.documentElement;
    parent.insertBefore(box, parent.firstChild);
  }

  function showOldEngine(engine) {
    show("engine", "此电脑上的 Office 用的是旧版浏览器内核，绩效自评助手无法在其中运行", [
      "Office 用 " +
        (engine === "IE11" ? "Internet Explorer 11" : "旧版 Microsoft Edge（EdgeHTML）") +
        " 显示本任务窗格，因为这台电脑没有安装 Microsoft Edge WebView2 运行时。",
      "办法：请信息化部门安装“Microsoft Edge WebView2 运行时”（微软免费提供，可离线安装），然后重新启动 Excel。",
      WITHOUT_ADDIN,
    ]);
  }

  function showOfficeMissing() {
    var address = officeJsAddress();
    var host = hostOf(address);
    var local = host !== "" && host === window.location.host;
    show("officejs", "未能加载 office.js，绩效自评助手无法启动", [
      "office.js 是 Office 加载项必需的脚本" + (address ? "，本页从 " + address + " 加载它" : "") + "，但没有加载成功。",
      local
        ? "办法：请信息化部门检查本网站上的 office-js 文件夹是否完整（离线版应随加载项一起部署）。"
        : "办法：请信息化部门在防火墙或代理上放行 " +
          (host || "微软的 office.js 地址") +
          "（https）；或改用离线版部署（构建时加 --env officejs=local，office.js 由本单位网站提供）。",
      WITHOUT_ADDIN,
    ]);
  }

  function showNoResponse() {
    show("noresponse", "Office 没有响应，绩效自评助手未能启动", [
      "office.js 已加载，但 Excel 在 " + Math.round(TIMEOUT_MS / 1000) + " 秒内没有完成初始化。",
      "办法：关闭任务窗格后重新打开；仍不行请保存工作簿、重新启动 Excel。若是在浏览器里直接打开了本页面，请改在 Excel 中点「开始」>「绩效自评」。",
      WITHOUT_ADDIN,
    ]);
  }

  var engine = oldEngine(window.navigator.userAgent || "");

  window.JixiaoStartup = {
    oldEngine: engine,
    /** The task pane has rendered (or shown its own message): no start-up message any more. */
    started: function () {
      state.started = true;
      if (state.timer !== null) window.clearTimeout(state.timer);
      if (state.shown === "noresponse") {
        var box = document.getElementById(MESSAGE_ID);
        if (box && box.parentNode) box.parentNode.removeChild(box);
        state.shown = null;
      }
    },
    /** The task pane found no Office object: office.js did not load. */
    officeMissing: function () {
      showOfficeMissing();
    },
  };

  if (engine !== null) {
    showOldEngine(engine);
    return;
  }
  state.timer = window.setTimeout(function () {
    state.timer = null;
    if (state.started) return;
    if (typeof window.Office === "undefined") showOfficeMissing();
    else showNoResponse();
  }, TIMEOUT_MS);
})(window, document);
