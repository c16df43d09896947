import { showHome } from "./screens/home";

const main = document.getElementById("main");
if (main) void showHome(main);
