// newslint's HTML report: what script adds to a page that is complete without it.
// Filtering by level and rule family, tooltips that stay inside the window, and keys for the
// marked words (Enter: to the problem in the list; Escape: hide the tooltip).
(() => {
  "use strict";

  const bar = document.getElementById("filters");
  const status = document.getElementById("filter-status");
  const marks = Array.from(document.querySelectorAll("mark.f"));
  const problems = Array.from(document.querySelectorAll("li.finding"));
  const files = Array.from(document.querySelectorAll("section.file"));
  const boxes = bar ? Array.from(bar.querySelectorAll("input[type=checkbox]")) : [];

  const chosen = (name) => new Set(boxes.filter((box) => box.name === name && box.checked).map((box) => box.value));

  function applyFilters() {
    const levels = chosen("level");
    const families = chosen("family");
    const everything = boxes.every((box) => box.checked);
    const wanted = (element) => levels.has(element.dataset.level) && families.has(element.dataset.family);
    for (const mark of marks) {
      const on = wanted(mark);
      mark.classList.toggle("off", !on);
      if (mark.id) mark.tabIndex = on ? 0 : -1;
    }
    let shown = 0;
    for (const problem of problems) {
      problem.hidden = !wanted(problem);
      if (!problem.hidden) shown += 1;
    }
    let filesShown = 0;
    for (const file of files) {
      const any = file.querySelector("li.finding:not([hidden])") !== null;
      file.hidden = !everything && !any;
      if (!file.hidden) filesShown += 1;
    }
    status.textContent = everything
      ? `All ${problems.length} problems shown.`
      : `${shown} of ${problems.length} problems shown, in ${filesShown} of ${files.length} files.`;
  }

  // Links to a file or a finding land below the sticky filter bar, not under it.
  function keepTargetsClearOfTheBar() {
    const sticky = getComputedStyle(bar).position === "sticky";
    document.documentElement.style.scrollPaddingTop = sticky ? `${bar.getBoundingClientRect().height + 24}px` : "";
  }

  if (bar) {
    bar.hidden = false;
    new ResizeObserver(keepTargetsClearOfTheBar).observe(bar);
    bar.addEventListener("change", applyFilters);
    document.getElementById("show-all").addEventListener("click", () => {
      for (const box of boxes) box.checked = true;
      applyFilters();
    });
    applyFilters();
  }

  // --- tooltips -------------------------------------------------------------------------------
  // With script, one popup serves the page, placed within the window: the style sheet's own
  // tooltips (for a page without script) hang off their words and can be cut off at the edge
  // of a story, which is laid out on its own (content-visibility).
  const tip = document.createElement("div");
  tip.id = "tip";
  tip.className = "tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.append(tip);
  document.documentElement.classList.add("scripted");
  let anchor = null;
  let pending = false;

  function explanation(mark) {
    const problem = document.getElementById(`f-${mark.dataset.finding}`);
    const rule = problem && document.querySelector(problem.querySelector("a.rule").getAttribute("href"));
    return rule && rule.dataset.why ? `\n\nWhy: ${rule.dataset.why}` : "";
  }

  function show(mark) {
    if (mark.classList.contains("off")) return;
    anchor = mark;
    tip.textContent = mark.dataset.tip + explanation(mark);
    tip.hidden = false;
    place();
  }

  function hide() {
    anchor = null;
    tip.hidden = true;
  }

  // Below the first line of the words, moved left only as far as the window needs; above them
  // when there is no room below.
  function place() {
    pending = false;
    if (!anchor) return;
    const line = anchor.getClientRects()[0] || anchor.getBoundingClientRect();
    tip.style.left = tip.style.top = "0px"; // measured at full width, not squeezed where it stood
    const left = Math.max(8, Math.min(line.left, window.innerWidth - 8 - tip.offsetWidth));
    let top = line.bottom + 6;
    if (top + tip.offsetHeight > window.innerHeight - 8 && line.top - 6 - tip.offsetHeight >= 8) {
      top = line.top - 6 - tip.offsetHeight;
    }
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  }

  function placeSoon() {
    if (anchor && !pending) {
      pending = true;
      requestAnimationFrame(place);
    }
  }

  const markOf = (node) => (node instanceof Element ? node.closest("mark.f") : null);
  const focusedMark = () => markOf(document.activeElement);

  document.addEventListener("focusin", (event) => {
    const mark = markOf(event.target);
    if (mark) show(mark);
  });
  document.addEventListener("focusout", (event) => {
    if (markOf(event.target) === anchor) hide();
  });
  document.addEventListener("mouseover", (event) => {
    const mark = markOf(event.target);
    if (mark && mark !== anchor) show(mark);
  });
  document.addEventListener("mouseout", (event) => {
    if (!markOf(event.target) || markOf(event.relatedTarget)) return;
    const focused = focusedMark();
    if (focused) show(focused);
    else hide();
  });
  window.addEventListener("scroll", placeSoon, { passive: true });
  window.addEventListener("resize", placeSoon);

  // A link to a finding (from its entry in a list) focuses its words, which shows the tooltip.
  function focusTarget() {
    const target = location.hash.startsWith("#m-") ? document.getElementById(location.hash.slice(1)) : null;
    if (target) target.focus({ preventScroll: true });
  }
  window.addEventListener("hashchange", focusTarget);
  focusTarget();

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      hide();
      return;
    }
    const mark = event.target instanceof Element ? event.target.closest("mark.f[id]") : null;
    if (mark && event.key === "Enter") {
      const link = document.querySelector(`#${mark.getAttribute("aria-describedby")} a.where`);
      if (link) {
        event.preventDefault();
        link.focus();
        link.scrollIntoView({ block: "center" });
      }
    }
  });
})();
