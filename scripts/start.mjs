// npm start：开发模式构建一次，然后启动 https://localhost:3000 开发服务器，并说明如何旁加载 manifest.xml。
// 直接启动 webpack（不经过 npx）：结束 npx 包装进程时 webpack 会被遗留在后台。
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifest = path.join(root, "manifest.xml");
const certDir = path.join(os.homedir(), ".office-addin-dev-certs");

/** node_modules/.bin/webpack; on Windows that is a .cmd shim, so run its JavaScript with node instead. */
function webpackCommand(args) {
  if (process.platform === "win32") {
    return [process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), ...args]];
  }
  return [path.join(root, "node_modules", ".bin", "webpack"), args];
}

function sideloadHelp() {
  const common = [
    "",
    "======================== 如何在 Excel 中加载 ========================",
    `清单文件：${manifest}`,
    "加载项的网页由本机 https://localhost:3000 提供，使用期间请保持本窗口运行（按 Ctrl+C 停止）。",
    "",
  ];
  const web = [
    "Excel 网页版（任何系统都可用）：",
    "  1. 先在同一浏览器打开 https://localhost:3000/taskpane.html，确认能看到「绩效自评助手」页面",
    `     （若提示证书不受信任，可导入 ${path.join(certDir, "ca.crt")} 为受信任的根证书）。`,
    "  2. 在 Excel 网页版打开一个工作簿，依次点击 插入 > 加载项 > 上传我的加载项，选择上面的 manifest.xml。",
    "  3. 在「开始」选项卡点击「绩效自评」打开任务窗格；单元格中输入 =JX. 可看到自定义函数。",
  ];
  const certTrust = [
    "首次使用前请信任本机开发证书（只需一次，会要求管理员权限）：",
    "  npx office-addin-dev-certs install",
    "",
  ];
  let desktop;
  if (process.platform === "win32") {
    desktop = [
      ...certTrust,
      "Windows 版 Excel（共享文件夹目录）：",
      "  1. 新建一个文件夹（例如 C:\\OfficeAddins），右键 > 属性 > 共享 > 共享，记下网络路径（例如 \\\\计算机名\\OfficeAddins）。",
      "  2. 把 manifest.xml 复制到这个文件夹。",
      "  3. 打开 Excel：文件 > 选项 > 信任中心 > 信任中心设置 > 受信任的加载项目录，",
      "     在「目录 URL」中填入网络路径，点「添加目录」，勾选「在菜单中显示」，确定后重启 Excel。",
      "  4. 插入 > 我的加载项（或 获取加载项）> 共享文件夹，选择「绩效自评助手」，点「添加」。",
      "",
    ];
  } else if (process.platform === "darwin") {
    const wef = "~/Library/Containers/com.microsoft.Excel/Data/Documents/wef";
    desktop = [
      ...certTrust,
      "Mac 版 Excel：",
      `  1. mkdir -p ${wef}`,
      `  2. cp "${manifest}" ${wef}/`,
      "  3. 完全退出并重新打开 Excel，打开一个工作簿，点 插入 > 我的加载项，在下拉列表中选择「绩效自评助手」。",
      "",
    ];
  } else {
    desktop = ["Linux 没有 Excel 桌面版，请使用 Excel 网页版：", ""];
  }
  const deploy = ["", "给整个单位使用（放到单位的 https 网站、集中部署清单）：见 README「部署到单位」，npm run build -- --env url=https://单位网站/路径/。"];
  return [...common, ...desktop, ...web, ...deploy, "====================================================================", ""].join("\n");
}

console.log("正在以开发模式构建……");
const [buildCmd, buildArgs] = webpackCommand(["--mode", "development"]);
const build = spawnSync(buildCmd, buildArgs, { cwd: root, stdio: "inherit" });
if (build.status !== 0) {
  console.error("构建失败，请先修正上面的错误。");
  process.exit(build.status ?? 1);
}
if (!existsSync(path.join(root, "dist", "functions.json"))) {
  console.error("构建没有生成 dist/functions.json，请检查 src/functions/functions.ts。");
  process.exit(1);
}

console.log(sideloadHelp());
console.log("正在启动开发服务器 https://localhost:3000 ……");
const [serveCmd, serveArgs] = webpackCommand(["serve", "--mode", "development"]);
const server = spawn(serveCmd, serveArgs, { cwd: root, stdio: "inherit" });

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}
server.on("error", (err) => {
  console.error(`无法启动开发服务器：${err.message}`);
  process.exit(1);
});
server.on("exit", (code, signal) => {
  if (signal === "SIGINT" || signal === "SIGTERM") process.exit(0);
  process.exit(code ?? 1);
});
