// newslint's HTML report: what script adds to a page that is complete without it.
// Filtering by level and rule family, keeping tooltips inside the window, and keys for the
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

  // A tooltip opens below its words, moved left as far as it must to stay inside the window,
  // and above them when the window ends below.
  function place(mark) {
    const box = mark.getBoundingClientRect();
    const width = Math.min(512, window.innerWidth * 0.85);
    const shift = Math.max(8 - box.left, Math.min(0, window.innerWidth - 8 - width - box.left));
    mark.style.setProperty("--tip-x", `${Math.round(shift)}px`);
    mark.classList.toggle("tip-up", box.bottom + 240 > window.innerHeight && box.top > 240);
  }
  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.matches("mark.f")) place(event.target);
  });
  document.addEventListener("mouseover", (event) => {
    const mark = event.target instanceof Element ? event.target.closest("mark.f") : null;
    if (mark) place(mark);
  });

  document.addEventListener("keydown", (event) => {
    const mark = event.target instanceof Element ? event.target.closest("mark.f[id]") : null;
    if (!mark) return;
    if (event.key === "Enter") {
      const link = document.querySelector(`#${mark.getAttribute("aria-describedby")} a.where`);
      if (link) {
        event.preventDefault();
        link.focus();
        link.scrollIntoView({ block: "center" });
      }
    } else if (event.key === "Escape") {
      mark.classList.add("hush");
    }
  });
  document.addEventListener("focusout", (event) => {
    if (event.target instanceof Element && event.target.matches("mark.f")) event.target.classList.remove("hush");
  });
})();
